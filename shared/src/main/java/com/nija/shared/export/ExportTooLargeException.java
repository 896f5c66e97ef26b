package com.nija.shared.export;

import com.nija.shared.problem.PayloadTooLargeException;

/** An export past what one response may carry (HTTP 413): the caller narrows the range and asks again. */
public class ExportTooLargeException extends PayloadTooLargeException {
    public ExportTooLargeException(long limitChars) {
        super("the export is larger than " + limitChars + " characters, more than one response may carry; "
                + "narrow the range (from/to) and export it in parts");
    }

    /** An export with no range to narrow, e.g. a whole account's archive; {@code message} says what to do instead. */
    public ExportTooLargeException(String message) {
        super(message);
    }

    @Override
    public String problemType() {
        return "export-too-large";
    }
}

package com.nija.shared.export;

import com.nija.shared.problem.PayloadTooLargeException;

/** An export past what one response may carry (HTTP 413): the caller narrows the range and asks again. */
public class ExportTooLargeException extends PayloadTooLargeException {
    public ExportTooLargeException(long limitChars) {
        super("the export is larger than " + limitChars + " characters, more than one response may carry; "
                + "narrow the range (from/to) and export it in parts");
    }

    @Override
    public String problemType() {
        return "export-too-large";
    }
}

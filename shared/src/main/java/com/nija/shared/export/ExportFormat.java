package com.nija.shared.export;

import com.nija.shared.problem.InvalidInputException;
import java.util.Locale;

/** How an export is written: {@code csv} (RFC 4180, spreadsheet-safe) or {@code json}. */
public enum ExportFormat {
    CSV("text/csv; charset=utf-8", "csv"),
    JSON("application/json", "json");

    private final String contentType;
    private final String extension;

    ExportFormat(String contentType, String extension) {
        this.contentType = contentType;
        this.extension = extension;
    }

    public String contentType() {
        return contentType;
    }

    public String extension() {
        return extension;
    }

    /** The {@code format} query parameter; csv when absent. */
    public static ExportFormat parse(String value) {
        if (value == null) return CSV;
        try {
            return valueOf(value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw InvalidInputException.of("format", "must be csv or json");
        }
    }
}

package com.nija.shared.export;

/** CSV cells per RFC 4180, with cells a spreadsheet would evaluate as a formula neutralised (OWASP CSV injection). */
public final class CsvCells {
    private CsvCells() {}

    /** One cell: a leading {@code = + - @} (or tab/CR) gets a {@code '} so it stays text; quoted when it must be. */
    public static String cell(String value) {
        if (value == null || value.isEmpty()) return "";
        String safe = "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        boolean quote = safe.indexOf(',') >= 0 || safe.indexOf('"') >= 0 || safe.indexOf('\n') >= 0
                || safe.indexOf('\r') >= 0;
        return quote ? '"' + safe.replace("\"", "\"\"") + '"' : safe;
    }

    /**
     * A number cell: written as is, since a negative amount ({@code -12.50}) is data, not a formula, and must stay a
     * number for the tax tool reading it.
     */
    public static String number(java.math.BigDecimal value) {
        return value == null ? "" : value.toPlainString();
    }
}

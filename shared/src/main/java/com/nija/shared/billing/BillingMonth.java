package com.nija.shared.billing;

import com.nija.shared.problem.InvalidInputException;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;

/** The {@code month} query parameter of finance's routes: {@code YYYY-MM}, this month when absent, never a future one. */
public final class BillingMonth {
    private BillingMonth() {}

    /**
     * @param current this month (UTC), from the platform clock
     * @throws InvalidInputException 400 not {@code YYYY-MM}; 422 a month after {@code current}
     */
    public static YearMonth parse(String month, YearMonth current) {
        if (month == null || month.isBlank()) return current;
        YearMonth ym;
        try {
            // YearMonth.parse takes a sign and 5+ digit years (+12345-01); finance means a plain calendar month
            if (!month.trim().matches("[0-9]{4}-[0-9]{2}")) throw new DateTimeException(month);
            ym = YearMonth.parse(month.trim());
        } catch (DateTimeException e) {
            throw InvalidInputException.of("month", "must be a month as YYYY-MM");
        }
        if (ym.isAfter(current)) {
            throw new InvalidInputException(List.of(new InvalidInputException.Violation("month",
                    "is in the future; the latest month is " + current)), true);
        }
        return ym;
    }

    public static Instant start(YearMonth month) {
        return month.atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    public static Instant end(YearMonth month) {
        return start(month.plusMonths(1));
    }
}

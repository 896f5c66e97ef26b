package com.nija.shared.trading;

import static org.assertj.core.api.Assertions.assertThat;

import com.nija.shared.testing.RandomCases;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Market symbols over random text (seeded)")
class SymbolsPropertiesTest {
    private static final Pattern CANONICAL = Pattern.compile("[A-Z0-9]{2,10}-[A-Z]{3,4}");

    @Test
    @DisplayName("normalizing an already normalized symbol changes nothing (any text; seed 701, 1,000 cases)")
    void idempotentOnAnyText() {
        RandomCases.check(701, 1000, r -> {
            Optional<String> once = Symbols.normalize(r.anyString(20));

            assertThat(once.flatMap(Symbols::normalize)).isEqualTo(once);
        });
    }

    @Test
    @DisplayName("normalizing is idempotent on symbol-like text too, and every result is canonical "
            + "(seed 702, 1,000 cases)")
    void idempotentOnSymbolLikeText() {
        RandomCases.check(702, 1000, r -> {
            Optional<String> once = Symbols.normalize(r.string("ABCDEUSTBHabcdust0129-/_ ", 0, 14));

            assertThat(once.flatMap(Symbols::normalize)).isEqualTo(once);
            once.ifPresent(s -> assertThat(s).matches(CANONICAL));
        });
    }

    @Test
    @DisplayName("a market written with any separator and in any case is the same canonical market "
            + "(seed 703, 500 cases)")
    void separatorAndCaseDoNotMatter() {
        RandomCases.check(703, 500, r -> {
            String base = r.string("ABCDEFGHIJKLMNOPQRSTUVWXYZ", 1, 1)
                    + r.string("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789", 1, 9);
            String quote = r.pick("USD", "USDT", "USDC", "EUR", "GBP", "BTC", "ETH");
            String raw = base + r.pick("-", "/", "_", "") + quote;

            Optional<String> symbol = Symbols.normalize(r.bool() ? raw.toLowerCase(Locale.ROOT) : raw);

            assertThat(symbol).contains(base + "-" + quote);
        });
    }
}

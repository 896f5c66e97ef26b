package com.nija.shared.trading;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

@Label("Market symbols over arbitrary text")
class SymbolsPropertiesTest {
    private static final Pattern CANONICAL = Pattern.compile("[A-Z0-9]{2,10}-[A-Z]{3,4}");

    @Property(tries = 1000)
    @Label("normalizing an already normalized symbol changes nothing (any text)")
    void idempotentOnAnyText(@ForAll String raw) {
        Optional<String> once = Symbols.normalize(raw);

        assertThat(once.flatMap(Symbols::normalize)).isEqualTo(once);
    }

    @Property(tries = 1000)
    @Label("normalizing is idempotent on symbol-like text too, and every result is canonical")
    void idempotentOnSymbolLikeText(@ForAll("symbolLike") String raw) {
        Optional<String> once = Symbols.normalize(raw);

        assertThat(once.flatMap(Symbols::normalize)).isEqualTo(once);
        once.ifPresent(s -> assertThat(s).matches(CANONICAL));
    }

    @Property(tries = 500)
    @Label("a market written with any separator and in any case is the same canonical market")
    void separatorAndCaseDoNotMatter(@ForAll("bases") String base, @ForAll("quotes") String quote,
                                     @ForAll("separators") String separator, @ForAll boolean lowerCase) {
        String raw = base + separator + quote;

        Optional<String> symbol = Symbols.normalize(lowerCase ? raw.toLowerCase(Locale.ROOT) : raw);

        assertThat(symbol).contains(base + "-" + quote);
    }

    @Provide
    Arbitrary<String> symbolLike() {
        return Arbitraries.strings().withChars("ABCDEUSTBHabcdust0129-/_ ").ofMaxLength(14);
    }

    @Provide
    Arbitrary<String> bases() {
        return Combinators.combine(Arbitraries.chars().range('A', 'Z'),
                        Arbitraries.strings().withCharRange('A', 'Z').numeric().ofMinLength(1).ofMaxLength(9))
                .as((first, rest) -> first + rest);
    }

    @Provide
    Arbitrary<String> quotes() {
        return Arbitraries.of("USD", "USDT", "USDC", "EUR", "GBP", "BTC", "ETH");
    }

    @Provide
    Arbitrary<String> separators() {
        return Arbitraries.of("-", "/", "_", "");
    }
}

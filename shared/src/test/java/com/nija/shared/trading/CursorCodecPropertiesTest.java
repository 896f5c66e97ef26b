package com.nija.shared.trading;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nija.shared.problem.InvalidInputException;
import com.nija.shared.problem.InvalidInputException.Violation;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

@Label("Pagination cursors over arbitrary positions and edits")
class CursorCodecPropertiesTest {
    private static final String SECRET = "0123456789abcdef-test-secret";
    private static final String USER = "user-1";
    private static final String SCOPE = "trades:*";
    /** Every character a cursor can contain, plus a few it can't. */
    private static final String CURSOR_CHARS =
            "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.=+/ ";

    private final CursorCodec codec = new CursorCodec(SECRET);

    @Property(tries = 300)
    @Label("any position round-trips for its own trader and filter")
    void anyPositionRoundTrips(@ForAll("sortKeys") String position, @ForAll("ids") String user,
                               @ForAll("ids") String scope) {
        String cursor = codec.encode(user, scope, position);

        assertThat(codec.decode(user, scope, cursor)).isEqualTo(position);
    }

    @Property(tries = 1000)
    @Label("changing any one character of a cursor never leads to a different position")
    void singleCharacterEditNeverMovesThePosition(@ForAll("positions") String position,
                                                  @ForAll @IntRange(min = 0, max = 10_000) int at,
                                                  @ForAll("cursorChars") char replacement) {
        String cursor = codec.encode(USER, SCOPE, position);
        int index = at % cursor.length();
        Assume.that(cursor.charAt(index) != replacement);
        String edited = cursor.substring(0, index) + replacement + cursor.substring(index + 1);

        try {
            String decoded = codec.decode(USER, SCOPE, edited);
            assertThat(decoded).as("edited cursor %s accepted", edited).isEqualTo(position);
        } catch (InvalidInputException refused) {
            assertThat(refused.violations()).extracting(Violation::field).containsExactly("cursor");
        }
    }

    /*
     * The last character of each part also carries unused padding bits, which Java's decoder ignores; the codec
     * refuses such edits too (a cursor must re-encode to exactly itself). GetTradesHandlerTest edits every
     * position, those last characters included, and asserts each edit is refused.
     */
    @Property(tries = 1000)
    @Label("changing any character of a cursor, other than the last of each part, is refused")
    void singleCharacterEditRefused(@ForAll("positions") String position,
                                    @ForAll @IntRange(min = 0, max = 10_000) int at,
                                    @ForAll("cursorChars") char replacement) {
        String cursor = codec.encode(USER, SCOPE, position);
        int dot = cursor.indexOf('.');
        int index = at % cursor.length();
        Assume.that(index != dot - 1 && index != cursor.length() - 1);
        Assume.that(cursor.charAt(index) != replacement);
        String edited = cursor.substring(0, index) + replacement + cursor.substring(index + 1);

        assertRefused(() -> codec.decode(USER, SCOPE, edited));
    }

    @Provide
    Arbitrary<String> ids() {
        return Arbitraries.strings().alpha().numeric().withChars("-:*#").ofMinLength(1).ofMaxLength(40);
    }

    /** Any non-empty text without lone surrogates: what a sort key can hold. */
    @Provide
    Arbitrary<String> sortKeys() {
        return Arbitraries.strings().ascii().withCharRange('\u00a0', '\ud7ff').ofMinLength(1).ofMaxLength(60);
    }

    @Provide
    Arbitrary<String> positions() {
        return Arbitraries.strings().ascii().ofMinLength(1).ofMaxLength(60);
    }

    @Provide
    Arbitrary<Character> cursorChars() {
        return Arbitraries.of(CURSOR_CHARS.chars().mapToObj(c -> (char) c).toArray(Character[]::new));
    }

    private static void assertRefused(org.assertj.core.api.ThrowableAssert.ThrowingCallable decode) {
        assertThatThrownBy(decode)
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.violations())
                        .extracting(Violation::field).containsExactly("cursor"));
    }
}

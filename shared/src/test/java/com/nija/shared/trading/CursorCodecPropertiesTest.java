package com.nija.shared.trading;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nija.shared.problem.InvalidInputException;
import com.nija.shared.problem.InvalidInputException.Violation;
import com.nija.shared.testing.RandomCases;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Pagination cursors over random positions and edits (seeded)")
class CursorCodecPropertiesTest {
    private static final String SECRET = "0123456789abcdef-test-secret";
    private static final String USER = "user-1";
    private static final String SCOPE = "trades:*";
    /** Every character a cursor can contain, plus a few it can't. */
    private static final String CURSOR_CHARS =
            "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.=+/ ";
    private static final String ID_CHARS =
            "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-:*#";

    private final CursorCodec codec = new CursorCodec(SECRET);

    @Test
    @DisplayName("any position round-trips for its own trader and filter (seed 801, 300 cases)")
    void anyPositionRoundTrips() {
        RandomCases.check(801, 300, r -> {
            String position = sortKey(r);
            String user = r.string(ID_CHARS, 1, 40);
            String scope = r.string(ID_CHARS, 1, 40);

            String cursor = codec.encode(user, scope, position);

            assertThat(codec.decode(user, scope, cursor)).isEqualTo(position);
        });
    }

    @Test
    @DisplayName("changing any one character of a cursor never leads to a different position (seed 802, 1,000 cases)")
    void singleCharacterEditNeverMovesThePosition() {
        RandomCases.check(802, 1000, r -> {
            String position = r.string(ascii(), 1, 60);
            String cursor = codec.encode(USER, SCOPE, position);
            String edited = editOne(cursor, r.intBetween(0, cursor.length() - 1), r);

            try {
                String decoded = codec.decode(USER, SCOPE, edited);
                assertThat(decoded).as("edited cursor %s accepted", edited).isEqualTo(position);
            } catch (InvalidInputException refused) {
                assertThat(refused.violations()).extracting(Violation::field).containsExactly("cursor");
            }
        });
    }

    @Test
    @DisplayName("changing any character of a cursor is refused (seed 803, 1,000 cases)")
    void singleCharacterEditRefused() {
        RandomCases.check(803, 1000, r -> {
            String position = r.string(ascii(), 1, 60);
            String cursor = codec.encode(USER, SCOPE, position);
            String edited = editOne(cursor, r.intBetween(0, cursor.length() - 1), r);

            assertThatThrownBy(() -> codec.decode(USER, SCOPE, edited))
                    .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.violations())
                            .extracting(Violation::field).containsExactly("cursor"));
        });
    }

    /** The cursor with the character at {@code index} replaced by another one. */
    private static String editOne(String cursor, int index, RandomCases r) {
        char replacement;
        do {
            replacement = r.string(CURSOR_CHARS, 1, 1).charAt(0);
        } while (replacement == cursor.charAt(index));
        return cursor.substring(0, index) + replacement + cursor.substring(index + 1);
    }

    /** Any non-empty text without lone surrogates: what a sort key can hold. */
    private static String sortKey(RandomCases r) {
        return r.bool() ? r.string(ascii(), 1, 60) : r.string(ascii() + "\u00a0\u00e9\u00fc\u4e2d\u6587\ud7ff", 1, 60);
    }

    private static String ascii() {
        StringBuilder s = new StringBuilder();
        for (char c = 0; c < 128; c++) s.append(c);
        return s.toString();
    }
}

package com.nija.shared.trading;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import com.nija.shared.problem.InvalidInputException;
import com.nija.shared.problem.InvalidInputException.Violation;

/**
 * Fuzzes the {@code cursor} query parameter of the paginated listings: whatever a client sends, decoding either
 * gives back a position this listing issued or refuses with the one cursor violation — never another exception.
 */
class CursorCodecFuzzTest {
    private static final String USER = "user-1";
    private static final String SCOPE = "trades:*";
    private static final CursorCodec CODEC = new CursorCodec("0123456789abcdef-fuzz-secret");

    /** Seed files end in a zero byte: Jazzer reads the boolean from the end, so the rest is the cursor as written. */
    @FuzzTest
    void decode(FuzzedDataProvider data) {
        boolean tamperIssued = data.consumeBoolean();
        String cursor = tamperIssued
                ? tamper(CODEC.encode(USER, SCOPE, data.consumeString(80)), data)
                : data.consumeRemainingAsString();

        try {
            String position = CODEC.decode(USER, SCOPE, cursor);
            assertThat(CODEC.encode(USER, SCOPE, position)).as("an accepted cursor is one this listing issued")
                    .isEqualTo(cursor);
        } catch (InvalidInputException refused) {
            assertThat(refused.violations()).extracting(Violation::field).containsExactly("cursor");
        }
    }

    /** An issued cursor with a few characters replaced, inserted or cut off, the edits a client could make. */
    private static String tamper(String cursor, FuzzedDataProvider data) {
        StringBuilder edited = new StringBuilder(cursor);
        int edits = data.consumeInt(0, 3);
        for (int i = 0; i < edits && edited.length() > 0; i++) {
            int at = data.consumeInt(0, edited.length() - 1);
            switch (data.consumeInt(0, 2)) {
                case 0 -> edited.setCharAt(at, data.consumeChar());
                case 1 -> edited.insert(at, data.consumeChar());
                default -> edited.setLength(at);
            }
        }
        return edited.toString();
    }
}

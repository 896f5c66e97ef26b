package com.nija.shared.input;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nija.shared.input.InputLimits.Id;
import com.nija.shared.problem.InvalidInputException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class InputLimitsTest {
    @ParameterizedTest(name = "{0} {1}×''{2}'' → {3}")
    @CsvSource(delimiter = ';', textBlock = """
            KEY ; 100 ; a ; true
            KEY ; 101 ; a ; false
            KEY ; 1 ; o-1f:2._x ; true
            KEY ; 1 ; p#1 ; false
            KEY ; 1 ; 'p 1' ; false
            KEY ; 1 ; é ; false
            SOURCE ; 20 ; ab ; true
            SOURCE ; 1 ; a ; false
            SOURCE ; 1 ; Demo ; false
            SOURCE ; 1 ; -demo ; false
            CURSOR ; 1 ; YWJj.ZGVm_- ; true
            CURSOR ; 513 ; a ; false
            CURSOR ; 1 ; 'ab c' ; false
            USER ; 1 ; 3f1c2a9e-0b7d-4c1e-9f3a-2b8d7e6c5a41 ; true
            USER ; 1 ; auth0|42 ; true
            USER ; 129 ; u ; false
            USER ; 1 ; USER#x ; false
            """)
    @DisplayName("each kind of id has its length and its characters")
    void idKinds(Id kind, int repeat, String unit, boolean accepted) {
        assertThat(kind.accepts(unit.repeat(repeat))).isEqualTo(accepted);
    }

    @Test
    @DisplayName("a missing or blank id is refused as required (400), a bad one with its rule, both naming the field")
    void requireId() {
        assertThatThrownBy(() -> InputLimits.requireId(Id.KEY, "positionId", null))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.wellFormed()).isFalse();
                    assertThat(e.violations().get(0).field()).isEqualTo("positionId");
                    assertThat(e.violations().get(0).message()).isEqualTo("is required");
                });
        assertThatThrownBy(() -> InputLimits.requireId(Id.KEY, "positionId", "x".repeat(1024)))
                .isInstanceOfSatisfying(InvalidInputException.class, e ->
                        assertThat(e.violations().get(0).message()).isEqualTo("must be " + Id.KEY.rule()));
        assertThat(InputLimits.requireId(Id.KEY, "positionId", "p-1")).isEqualTo("p-1");
    }

    @Test
    @DisplayName("free text may be absent or up to 500 characters; one more is a rule broken (422)")
    void text() {
        assertThat(InputLimits.requireText("reason", null)).isNull();
        assertThat(InputLimits.requireText("reason", "r".repeat(500))).hasSize(500);
        assertThatThrownBy(() -> InputLimits.requireText("reason", "r".repeat(501)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.wellFormed()).isTrue();
                    assertThat(e.violations().get(0).field()).isEqualTo("reason");
                });
    }

    @Test
    @DisplayName("a refusal quotes a short printable value and only the length of anything else")
    void echo() {
        assertThat(InputLimits.echo("nope")).isEqualTo("'nope'");
        assertThat(InputLimits.echo("n".repeat(10_000))).isEqualTo("a value of 10000 characters");
        assertThat(InputLimits.echo("a\nb")).isEqualTo("a value of 3 characters");
    }
}

package com.nija.shared.signals;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("Quiet-source rules: which sources are watched and how long each may stay silent")
class QuietSourceRulesTest {
    @ParameterizedTest(name = "{0} → {1} minutes")
    @CsvSource(delimiter = ';', value = {"tv=90m; 90", "tv=6h; 360", "tv=2d; 2880", "tv=PT45M; 45", " tv = 5m ; 5"})
    @DisplayName("intervals read as minutes, hours, days or ISO-8601")
    void intervals(String spec, long minutes) {
        assertThat(QuietSourceRules.parse(spec)).containsExactly(Map.entry("tv", Duration.ofMinutes(minutes)));
    }

    @Test
    @DisplayName("several sources in the order given; none configured watches none")
    void several() {
        assertThat(QuietSourceRules.parse("nija-apex=2h,price-feed=10m,").keySet())
                .containsExactly("nija-apex", "price-feed");
        assertThat(new QuietSourceRules("").intervals()).isEmpty();
        assertThat(new QuietSourceRules(null).intervals()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"tv", "=6h", "tv=6x", "tv=soon", "tv=4m", "tv=PT1M"})
    @DisplayName("a malformed pair or an interval under 5 minutes stops the function at start, naming the setting")
    void refused(String spec) {
        assertThatThrownBy(() -> QuietSourceRules.parse(spec)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("nija.alerts.quiet-sources");
    }
}

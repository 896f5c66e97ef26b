package com.nija.functions.performance;

import static org.assertj.core.api.Assertions.assertThat;

import com.nija.functions.support.LocalBackends;
import com.nija.shared.data.RollupItem;
import com.nija.shared.data.RollupPeriod;
import com.nija.shared.performance.RollupRepository;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Hour, day, week and lifetime roll-ups on dynalite: what each close adds, and that a re-applied close adds nothing. */
class RollupRepositoryTest {
    private final RollupRepository rollups = LocalBackends.get().context().getBean(RollupRepository.class);

    private void close(String user, String at, String pnl, String orderId) {
        rollups.addClose(user, Instant.parse(at), new BigDecimal("1.00"), new BigDecimal("100.00"), new BigDecimal(pnl),
                orderId);
    }

    @Test
    @DisplayName("closes add up per hour, day, ISO week and lifetime; a close applied twice counts once")
    void periods() {
        String user = "rollups-" + UUID.randomUUID();
        close(user, "2026-11-23T09:15:00Z", "10.00", "o1");   // Monday of 2026-W48
        close(user, "2026-11-23T14:00:00Z", "-4.00", "o2");
        close(user, "2026-11-25T10:00:00Z", "6.00", "o3");
        close(user, "2026-11-30T10:00:00Z", "1.00", "o4");    // Monday of 2026-W49
        close(user, "2026-11-30T10:00:00Z", "1.00", "o4");    // redelivered

        List<RollupItem> hours = rollups.range(user, RollupPeriod.HOUR, "2026-11-23T00", "2026-11-23T23");
        assertThat(hours).extracting(RollupItem::bucket).containsExactly("2026-11-23T09", "2026-11-23T14");
        assertThat(hours).extracting(RollupItem::realizedPnl).usingElementComparator(BigDecimal::compareTo)
                .containsExactly(new BigDecimal("10"), new BigDecimal("-4"));

        RollupItem monday = rollups.range(user, RollupPeriod.DAY, "2026-11-23", "2026-11-23").get(0);
        assertThat(monday.realizedPnl()).isEqualByComparingTo("6");
        assertThat(monday.closedTrades()).isEqualTo(2);

        List<RollupItem> weeks = rollups.range(user, RollupPeriod.WEEK, "2026-W48", "2026-W49");
        assertThat(weeks).extracting(RollupItem::bucket).containsExactly("2026-W48", "2026-W49");
        RollupItem w48 = weeks.get(0);
        assertThat(w48.realizedPnl()).isEqualByComparingTo("12");
        assertThat(w48.closedTrades()).isEqualTo(3);
        assertThat(w48.wins()).isEqualTo(2);
        assertThat(w48.losses()).isEqualTo(1);
        assertThat(w48.grossProfit()).isEqualByComparingTo("16");
        assertThat(w48.grossLoss()).isEqualByComparingTo("4");
        assertThat(w48.fees()).isEqualByComparingTo("3");
        assertThat(weeks.get(1).realizedPnl()).isEqualByComparingTo("1");
        assertThat(weeks.get(1).closedTrades()).isEqualTo(1);

        RollupItem lifetime = rollups.lifetime(user).orElseThrow();
        assertThat(lifetime.realizedPnl()).isEqualByComparingTo("13");
        assertThat(lifetime.closedTrades()).isEqualTo(4);
        assertThat(rollups.range(user, RollupPeriod.WEEK, "2026-W50", "2026-W52")).isEmpty();
    }
}

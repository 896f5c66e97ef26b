package com.nija.functions.live;

import static org.assertj.core.api.Assertions.assertThat;

import com.nija.shared.engine.TradeListener;
import com.nija.shared.engine.TradingEngine;
import com.nija.shared.live.LiveEvents;
import java.lang.reflect.Field;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class LiveListenerOrderTest {
    @Test
    @DisplayName("the engine tells its other listeners about a fill before the live pushes go out")
    @SuppressWarnings("unchecked")
    void liveEventsRunLast() throws Exception {
        TradingEngine engine = LiveContext.get().bean(TradingEngine.class);
        Field field = TradingEngine.class.getDeclaredField("listeners");
        field.setAccessible(true);

        List<TradeListener> listeners = (List<TradeListener>) field.get(engine);

        assertThat(listeners).hasSizeGreaterThan(1);
        assertThat(listeners.get(listeners.size() - 1)).isInstanceOf(LiveEvents.class);
    }
}

package com.nija.shared.signals;

import com.nija.shared.data.ConditionalPut;
import com.nija.shared.data.Keys;
import com.nija.shared.data.SignalItem;
import com.nija.shared.data.TradingTables;
import jakarta.inject.Singleton;
import java.util.Optional;
import software.amazon.awssdk.enhanced.dynamodb.Key;

/** Received signals, keyed by their id: recording one only once is what makes intake idempotent. */
@Singleton
public class SignalRepository {
    private final TradingTables tables;

    public SignalRepository(TradingTables tables) {
        this.tables = tables;
    }

    /** Records a signal; false when one with its id was recorded before (a repeat), which is left as it was. */
    public boolean recordOnce(SignalItem signal) {
        return ConditionalPut.ifAbsent(tables.signals(), signal);
    }

    public Optional<SignalItem> find(String signalId) {
        return Optional.ofNullable(tables.signals().getItem(key(Keys.signal(signalId), "SIGNAL")));
    }

    /** Removes a recorded signal, so that the sender's retry is not taken for a repeat. */
    public void forget(SignalItem signal) {
        tables.signals().deleteItem(key(signal.pk(), signal.sk()));
    }

    private static Key key(String pk, String sk) {
        return Key.builder().partitionValue(pk).sortValue(sk).build();
    }
}

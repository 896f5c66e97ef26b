package com.nija.shared.prices;

import com.nija.shared.data.PositionItem;
import com.nija.shared.market.PriceUpdate;
import java.util.List;
import java.util.Map;

/** Told what each ingested batch of prices changed (live pushes hook in here); must never throw. */
public interface PriceListener {
    /** The batch's prices were recorded. */
    void pricesChanged(List<PriceUpdate> prices);

    /** Open positions the batch left open, each with the batch's latest price for its market. */
    void positionsMarked(Map<PositionItem, PriceUpdate> marks);
}

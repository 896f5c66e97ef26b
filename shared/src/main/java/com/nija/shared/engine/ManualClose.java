package com.nija.shared.engine;

import com.nija.shared.data.OrderItem;
import com.nija.shared.data.PositionItem;
import com.nija.shared.input.InputLimits;
import com.nija.shared.order.OrderStatus;
import com.nija.shared.problem.ConflictException;
import com.nija.shared.problem.NotFoundException;
import com.nija.shared.trading.PositionStatus;
import jakarta.inject.Singleton;
import java.time.Clock;

/**
 * A trader closing one of their positions at market, now. Runs the engine in the request (no queue); every close of a
 * position records its order under the position's close id ({@link OrderIds#close}), so whatever comes first (this,
 * a stop-loss, an exit signal) closes it, once.
 */
@Singleton
public class ManualClose {
    private final TradingEngine engine;
    private final PositionLedger ledger;
    private final Clock clock;

    public ManualClose(TradingEngine engine, PositionLedger ledger, Clock clock) {
        this.engine = engine;
        this.ledger = ledger;
        this.clock = clock;
    }

    /**
     * @return the close order: FILLED, FAILED at the broker, or for a live position SUBMITTED or RESTING when the venue
     * has not confirmed the fill yet
     * @throws com.nija.shared.problem.InvalidInputException when {@code positionId} is missing or no position id
     * @throws NotFoundException when the trader has no such position (another trader's id included)
     * @throws ConflictException when it is closed or being closed already
     */
    public OrderItem close(String userId, String positionId) {
        InputLimits.requireId(InputLimits.Id.KEY, "positionId", positionId);
        PositionItem position = ledger.position(userId, positionId)
                .orElseThrow(() -> new NotFoundException("no position " + positionId));
        if (!PositionStatus.OPEN.name().equals(position.status())) {
            throw new ConflictException("position " + positionId + " is already closed");
        }
        OrderRequest request = OrderRequest.forManualClose(userId, positionId, position.symbol(), clock.instant());
        ExecutionResult result = engine.execute(request, false, true);
        OrderItem order = result.order();
        // Sent to a live venue whose answer is not in yet (no answer, or a market order it has not filled): the
        // order stands, and whatever next touches the position asks the venue for it.
        if (result.retry() && !result.duplicate() && order != null) return order;
        if (result.duplicate() || order == null || order.status() == OrderStatus.REFUSED) {
            throw new ConflictException("position " + positionId + " is already closed or being closed"
                    + (order != null && order.reason() != null ? " (" + order.reason() + ")" : ""));
        }
        return order;
    }
}

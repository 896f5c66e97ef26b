package com.nija.shared.live;

import com.nija.shared.data.ControlItem;
import com.nija.shared.data.OrderItem;
import com.nija.shared.data.PositionItem;
import com.nija.shared.market.PriceUpdate;
import com.nija.shared.trading.PositionMath;
import com.nija.shared.trading.Side;
import java.math.BigDecimal;
import java.time.Instant;

/** What each pushed update carries: the same fields the HTTP API shows, money as decimal strings. */
public final class LiveViews {
    private LiveViews() {}

    /** Order enums are shown as their names, as the HTTP API shows them. */
    private static String name(Enum<?> value) {
        return value == null ? null : value.name();
    }

    public record Order(String orderId, String signalId, String symbol, String side, String intent, String orderType,
                        String status, String reason, BigDecimal quantity, BigDecimal notional, BigDecimal limitPrice,
                        BigDecimal fillPrice, BigDecimal fee, String positionId, Instant createdAt, Instant filledAt) {
        public static Order of(OrderItem o) {
            return new Order(o.orderId(), o.signalId(), o.symbol(), name(o.side()), name(o.intent()),
                    name(o.orderType()), name(o.status()),
                    o.reason(), o.quantity(), o.notional(), o.limitPrice(), o.fillPrice(), o.fee(), o.positionId(),
                    o.createdAt(), o.filledAt());
        }
    }

    public record Trade(String tradeId, String orderId, String positionId, String symbol, String side,
                        BigDecimal quantity, BigDecimal price, BigDecimal fee, BigDecimal realizedPnl,
                        Instant executedAt) {
        /** The trade the ledger records for a filled order (its id is the order's). */
        public static Trade of(OrderItem o, BigDecimal realizedPnl) {
            return new Trade(o.orderId(), o.orderId(), o.positionId(), o.symbol(), name(o.side()), o.quantity(), o.fillPrice(),
                    o.fee(), realizedPnl, o.filledAt());
        }
    }

    public record Position(String positionId, String symbol, String side, BigDecimal quantity, BigDecimal entryPrice,
                           String status, Instant openedAt, Instant closedAt, BigDecimal exitPrice,
                           BigDecimal realizedPnl, BigDecimal fees, BigDecimal stopLoss, BigDecimal takeProfit) {
        public static Position of(PositionItem p) {
            return new Position(p.positionId(), p.symbol(), p.side(), p.quantity(), p.entryPrice(), p.status(),
                    p.openedAt(), p.closedAt(), p.exitPrice(), p.realizedPnl(), p.fees(), p.stopLoss(), p.takeProfit());
        }
    }

    /**
     * A P&L change of one position: {@code realizedPnl} when a close realized it, or {@code unrealizedPnl} at
     * {@code markPrice} when the market moved (the same figure {@code GET /api/v1/positions} shows).
     */
    public record Pnl(String positionId, String symbol, BigDecimal realizedPnl, BigDecimal unrealizedPnl,
                      BigDecimal markPrice, Instant at) {
        public static Pnl realized(String positionId, String symbol, BigDecimal realizedPnl, Instant at) {
            return new Pnl(positionId, symbol, realizedPnl, null, null, at);
        }

        /** An open position marked to {@code price}. */
        public static Pnl marked(PositionItem p, BigDecimal price, Instant at) {
            return new Pnl(p.positionId(), p.symbol(), null, PositionMath.money(PositionMath.unrealizedPnl(
                    Side.valueOf(p.side()), p.quantity(), p.entryPrice(), price)), price, at);
        }
    }

    public record Price(String symbol, BigDecimal price, Instant at) {
        public static Price of(PriceUpdate u, Instant fallback) {
            return new Price(u.symbol(), u.price(), u.at() == null ? fallback : u.at());
        }
    }

    /** A trader's bot: {@code running} or {@code paused}, and why when the engine did it. */
    public record Bot(String botState, String reason, Instant changedAt) {}

    /** The global kill switch; who changed it is not shown to traders. */
    public record KillSwitch(boolean engaged, String reason, Instant changedAt) {
        public static KillSwitch of(ControlItem c) {
            return new KillSwitch(Boolean.TRUE.equals(c.engaged()), c.reason(), c.changedAt());
        }
    }
}

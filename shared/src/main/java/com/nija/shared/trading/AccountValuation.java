package com.nija.shared.trading;

import com.nija.shared.data.PositionItem;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * Cash and equity derived from the ledger rather than stored, so a retried or crashed fill can never skew them:
 * cash = starting balance + lifetime realized P&L (net of fees) − what open positions cost to open
 * (long: qty × entry + fee paid; short: −qty × entry + fee paid); equity = cash + Σ signed market value.
 */
public final class AccountValuation {
    private AccountValuation() {}

    public static BigDecimal cash(BigDecimal startingBalance, BigDecimal lifetimeRealized, List<PositionItem> open) {
        BigDecimal cash = startingBalance.add(lifetimeRealized);
        for (PositionItem p : open) {
            Side side = Side.valueOf(p.side());
            cash = cash.subtract(PositionMath.signedValue(side, p.quantity(), p.entryPrice()))
                    .subtract(p.fees() == null ? BigDecimal.ZERO : p.fees());
        }
        return cash;
    }

    /** Equity at the given prices; a position without a price is valued at its entry. */
    public static BigDecimal equity(BigDecimal cash, List<PositionItem> open, Map<String, BigDecimal> prices) {
        BigDecimal equity = cash;
        for (PositionItem p : open) {
            BigDecimal price = prices.getOrDefault(p.symbol(), p.entryPrice());
            equity = equity.add(PositionMath.signedValue(Side.valueOf(p.side()), p.quantity(), price));
        }
        return equity;
    }
}

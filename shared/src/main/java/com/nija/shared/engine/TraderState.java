package com.nija.shared.engine;

import com.nija.shared.account.TierLimits;
import com.nija.shared.data.PositionItem;
import com.nija.shared.data.ProfileItem;
import com.nija.shared.settings.RiskSettings;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/** Everything a risk decision for one trader needs, read once per order. */
public record TraderState(ProfileItem profile, RiskSettings settings, TierLimits tier, List<PositionItem> open,
                          BigDecimal lifetimeRealized, BigDecimal todayRealized, Map<String, BigDecimal> prices) {}

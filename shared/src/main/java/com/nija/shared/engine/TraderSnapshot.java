package com.nija.shared.engine;

import com.nija.shared.billing.BillingAccountItem;
import com.nija.shared.brokers.TradingModeItem;
import com.nija.shared.data.OrderItem;
import com.nija.shared.data.ProfileItem;
import com.nija.shared.data.RollupItem;
import com.nija.shared.data.SettingsItem;

/**
 * The fixed-key items an order decision needs, read in one BatchGetItem. Absent items are null ({@code mode} null:
 * the trader never left paper trading).
 */
public record TraderSnapshot(ProfileItem profile, SettingsItem settings, RollupItem lifetime, RollupItem today,
                             OrderItem order, BillingAccountItem billing, TradingModeItem mode) {}

package com.nija.shared.engine;

import com.nija.shared.billing.BillingAccountItem;
import com.nija.shared.brokers.TradingModeItem;
import com.nija.shared.data.OrderItem;
import com.nija.shared.data.ProfileItem;
import com.nija.shared.data.RollupItem;
import com.nija.shared.data.SettingsItem;
import com.nija.shared.protections.ProtectionSettingsItem;
import com.nija.shared.protections.ProtectionStateItem;

/**
 * The fixed-key items an order decision needs, read in one BatchGetItem. Absent items are null ({@code mode} null:
 * the trader never left paper trading; {@code protections} null: NIJA's default protections).
 */
public record TraderSnapshot(ProfileItem profile, SettingsItem settings, RollupItem lifetime, RollupItem today,
                             OrderItem order, BillingAccountItem billing, TradingModeItem mode,
                             ProtectionSettingsItem protections, ProtectionStateItem protectionState) {}

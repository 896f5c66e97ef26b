/**
 * Orders at traders' live venues behind the broker port: {@link com.nija.shared.livebroker.LiveBroker} sizes tickets
 * to each venue's rules, opens the trader's key for the one call that needs it, spends the key's share of the venue's
 * rate limit and speaks to the venue's client; {@link com.nija.shared.livebroker.RoutingBroker} is the engine's broker,
 * sending paper tickets to the paper broker and live ones here. The venue clients themselves live in
 * {@code com.nija.shared.venues.*}, one package per venue.
 */
package com.nija.shared.livebroker;

package com.nija.shared.billing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nija.shared.account.TierCatalog;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** What Checkout sells must be what the webhook grants: a mismatch fails at start, never at a trader's checkout. */
class CheckoutPricesTest {
    private static final TierCatalog TIERS = new TierCatalog();
    private static final StripePriceCatalog CATALOG = new StripePriceCatalog((String) null, TIERS);

    @Test
    @DisplayName("the shipped configuration sells basic, pro and enterprise monthly and yearly, each by its lookup key")
    void shippedDefaults() {
        CheckoutPrices prices = new CheckoutPrices(new BillingConfig(), CATALOG, TIERS);

        assertThat(prices.all()).hasSize(6);
        assertThat(prices.offer("pro", "year")).map(CheckoutPrices.Offer::key).contains("nija_pro_yearly");
        assertThat(prices.offer("pro", "year").orElseThrow().byId()).isFalse();
        assertThat(prices.offer("free", "month")).isEmpty();
    }

    @Test
    @DisplayName("a price the webhook maps to another tier is refused at start, naming it")
    void priceOfAnotherTier() {
        Map<String, Map<String, String>> config = Map.of("pro", Map.of("month", "nija_basic_monthly"));

        assertThatThrownBy(() -> new CheckoutPrices(config, CATALOG, TIERS))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("pro.month")
                .hasMessageContaining("nija_basic_monthly");
    }

    @Test
    @DisplayName("the free tier, an unknown tier and an interval other than month or year are refused at start")
    void unsellable() {
        assertThatThrownBy(() -> new CheckoutPrices(Map.of("free", Map.of("month", "nija_basic_monthly")), CATALOG,
                TIERS)).hasMessageContaining("free: not a paid tier");
        assertThatThrownBy(() -> new CheckoutPrices(Map.of("platinum", Map.of("month", "x")), CATALOG, TIERS))
                .hasMessageContaining("platinum: not a paid tier");
        assertThatThrownBy(() -> new CheckoutPrices(Map.of("pro", Map.of("week", "nija_pro_monthly")), CATALOG, TIERS))
                .hasMessageContaining("pro.week: the interval must be month or year");
    }

    @Test
    @DisplayName("a price named by id is sold when the mapping knows that id")
    void byPriceId() {
        StripePriceCatalog catalog = new StripePriceCatalog("{\"price_1SQtestProMonthly\":\"pro\"}", TIERS);

        CheckoutPrices prices = new CheckoutPrices(Map.of("pro", Map.of("month", "price_1SQtestProMonthly")), catalog,
                TIERS);

        assertThat(prices.offer("pro", "month").orElseThrow().byId()).isTrue();
    }

    @Test
    @DisplayName("idempotency keys are the same for the same details and differ when any detail differs")
    void idempotencyKeys() {
        String key = SelfServiceBilling.idempotencyKey("checkout", "t-1", "pro", "year", "client:abc12345");

        assertThat(SelfServiceBilling.idempotencyKey("checkout", "t-1", "pro", "year", "client:abc12345")).isEqualTo(key);
        assertThat(SelfServiceBilling.idempotencyKey("checkout", "t-1", "pro", "month", "client:abc12345")).isNotEqualTo(key);
        assertThat(SelfServiceBilling.idempotencyKey("checkout", "t-2", "pro", "year", "client:abc12345")).isNotEqualTo(key);
        assertThat(SelfServiceBilling.idempotencyKey("checkout", "t-1pro", "", "year", "client:abc12345"))
                .as("parts are separated, not concatenated").isNotEqualTo(key);
        assertThat(key).startsWith("nija-checkout-").hasSizeLessThanOrEqualTo(255);
    }
}

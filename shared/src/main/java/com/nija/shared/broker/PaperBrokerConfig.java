package com.nija.shared.broker;

import io.micronaut.context.annotation.ConfigurationProperties;
import java.math.BigDecimal;

/** The paper broker's market model: slippage against the trader and a fee, both in basis points of notional. */
@ConfigurationProperties("nija.paper")
public class PaperBrokerConfig {
    private BigDecimal slippageBps = new BigDecimal("5");
    private BigDecimal feeBps = new BigDecimal("10");

    public BigDecimal getSlippageBps() { return slippageBps; }
    public void setSlippageBps(BigDecimal slippageBps) { this.slippageBps = slippageBps; }
    public BigDecimal getFeeBps() { return feeBps; }
    public void setFeeBps(BigDecimal feeBps) { this.feeBps = feeBps; }
}

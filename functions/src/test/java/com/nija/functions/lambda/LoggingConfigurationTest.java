package com.nija.functions.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.config.Configuration;
import org.apache.logging.log4j.core.config.properties.PropertiesConfiguration;
import org.apache.logging.log4j.layout.template.json.JsonTemplateLayout;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class LoggingConfigurationTest {
    @Test
    @DisplayName("functions log Powertools' JSON lines to stdout, configured without the XML parser a cold start would load")
    void jsonLinesFromAPropertiesConfiguration() {
        Configuration config = ((LoggerContext) LogManager.getContext(false)).getConfiguration();

        assertThat(config).isInstanceOf(PropertiesConfiguration.class);
        assertThat(config.getRootLogger().getAppenders()).containsOnlyKeys("JsonAppender");
        assertThat(config.getAppender("JsonAppender").getLayout()).isInstanceOf(JsonTemplateLayout.class);
        assertThat(config.getLoggerConfig("io.micronaut.context").getLevel()).isEqualTo(Level.WARN);
        assertThat(config.getLoggerConfig("software.amazon.awssdk.core").getLevel()).isEqualTo(Level.WARN);
        assertThat(config.getLoggerConfig("JsonLogger").isAdditive()).isFalse();
        assertThat(LoggingConfigurationTest.class.getClassLoader().getResource("log4j2.xml")).isNull();
    }
}

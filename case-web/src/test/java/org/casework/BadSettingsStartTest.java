package org.casework;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.casework.it.StartsItsOwnServer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.bind.validation.BindValidationException;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.NestedExceptionUtils;

/**
 * The server refuses to start with a wrong county setting, naming the setting and the value,
 * rather than running on a default the county never chose.
 */
@StartsItsOwnServer
class BadSettingsStartTest {

    @ParameterizedTest
    @CsvSource({
        "casework.visits.yellow-interval, P0D, yellowInterval, P0D",
        "casework.flags.sla.red, -2h, red, PT-2H",
        "casework.sync.max-devices-per-user, 0, maxDevicesPerUser, 0",
    })
    void refusesToStart(String property, String value, String field, String rejected) {
        SpringApplicationBuilder app = new SpringApplicationBuilder(CaseworkApplication.class).profiles("test");

        assertThatThrownBy(() -> {
                    try (ConfigurableApplicationContext ignored = app.run(
                            "--server.port=0", "--casework.scheduling.enabled=false", "--" + property + "=" + value)) {
                        // started: the assertion below fails
                    }
                })
                .satisfies(e -> {
                    Throwable root = NestedExceptionUtils.getMostSpecificCause(e);
                    assertThat(root).isInstanceOf(BindValidationException.class);
                    assertThat(root.getMessage())
                            .contains(property.substring(0, property.lastIndexOf('.')))
                            .contains(field)
                            .contains("rejected value [" + rejected + "]");
                });
    }
}

package io.incidentconsole.team;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.AlphaChars;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TeamDatabaseAddressTest {

    @Test
    void readsHostPortDatabaseUserAndOptions() {
        TeamDatabaseAddress a = TeamDatabaseAddress.parse(" postgresql://oncall@db.example.org:6432/incidents?sslmode=require ");

        assertThat(a.host()).isEqualTo("db.example.org");
        assertThat(a.port()).isEqualTo(6432);
        assertThat(a.database()).isEqualTo("incidents");
        assertThat(a.user()).contains("oncall");
        assertThat(a.options()).containsExactly(Map.entry("sslmode", "require"));
        assertThat(a.jdbcUrl()).isEqualTo("jdbc:postgresql://db.example.org:6432/incidents?sslmode=require");
        assertThat(a.label()).isEqualTo("db.example.org:6432/incidents");
    }

    @Test
    void defaultsThePortAndAcceptsTheOtherSchemes() {
        assertThat(TeamDatabaseAddress.parse("postgres://h/db").port()).isEqualTo(5432);
        assertThat(TeamDatabaseAddress.parse("jdbc:postgresql://h/db").jdbcUrl()).isEqualTo("jdbc:postgresql://h/db");
        assertThat(TeamDatabaseAddress.parse("postgresql://h/db").user()).isEmpty();
    }

    @Test
    void refusesAPasswordAndSaysWhereCredentialsComeFrom() {
        assertThatThrownBy(() -> TeamDatabaseAddress.parse("postgresql://bob:hunter2@h/db"))
                .hasMessageContaining("password").hasMessageContaining("~/.pgpass")
                .hasMessageNotContaining("hunter2");
        assertThatThrownBy(() -> TeamDatabaseAddress.parse("postgresql://h/db?password=hunter2"))
                .hasMessageContaining("PGPASSWORD").hasMessageNotContaining("hunter2");
    }

    @Test
    void saysWhatIsWrongAndWhere() {
        assertThatThrownBy(() -> TeamDatabaseAddress.parse("")).hasMessageContaining("e.g. postgresql://");
        assertThatThrownBy(() -> TeamDatabaseAddress.parse("mysql://h/db")).hasMessageContaining("postgresql://");
        assertThatThrownBy(() -> TeamDatabaseAddress.parse("postgresql://h")).hasMessageContaining("no database")
                .hasMessageContaining("column 15");
        assertThatThrownBy(() -> TeamDatabaseAddress.parse("postgresql://h:99999/db"))
                .hasMessageContaining("'99999' is not a port").hasMessageContaining("column 16");
        assertThatThrownBy(() -> TeamDatabaseAddress.parse("postgresql:///db")).hasMessageContaining("no host");
    }

    @Property
    void theTypedTextReadsBackToTheSameAddress(@ForAll @AlphaChars @StringLength(min = 1, max = 12) String host,
                                               @ForAll @IntRange(min = 1, max = 65535) int port,
                                               @ForAll @AlphaChars @StringLength(min = 1, max = 12) String database,
                                               @ForAll boolean withUser) {
        TeamDatabaseAddress a = new TeamDatabaseAddress(host, port, database,
                withUser ? Optional.of("oncall") : Optional.empty(), Map.of("sslmode", "prefer"));

        assertThat(TeamDatabaseAddress.parse(a.text())).isEqualTo(a);
        assertThat(TeamDatabaseAddress.parse(a.jdbcUrl()).label()).isEqualTo(a.label());
    }
}

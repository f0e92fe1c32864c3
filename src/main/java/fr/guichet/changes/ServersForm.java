package fr.guichet.changes;

import fr.guichet.helpdesk.SiteServers;
import fr.guichet.helpdesk.SiteServers.Server;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The servers form: today's machines and a few empty rows; a row left wholly empty is no server.
 * Mutable beans, since the form binds {@code servers[i].name}.
 */
public class ServersForm {

    static final int BLANK_ROWS = 2;

    public static class Row {
        private @Nullable String name;
        private SiteServers.@Nullable Role role;
        private @Nullable String os;
        private @Nullable String osVersion;
        private @Nullable String database;
        private @Nullable String databaseVersion;
        private @Nullable String series;

        static Row of(Server server) {
            var row = new Row();
            row.name = server.name();
            row.role = server.role();
            row.os = server.os();
            row.osVersion = server.osVersion();
            row.database = server.database();
            row.databaseVersion = server.databaseVersion();
            row.series = server.series();
            return row;
        }

        /** No text at all, whatever the role: emptying a server's fields removes it, as the page says. */
        boolean blank() {
            return List.of(text(name), text(os), text(osVersion), text(database), text(databaseVersion), text(series))
                    .stream()
                    .allMatch(String::isEmpty);
        }

        private static String text(@Nullable String value) {
            return value == null ? "" : value.strip();
        }

        /** The role may be missing here: drafting the request refuses it with the server's name. */
        @SuppressWarnings("DataFlowIssue")
        Server server() {
            return new Server(text(name), role, os, osVersion, database, databaseVersion, series);
        }

        public @Nullable String getName() {
            return name;
        }

        public void setName(@Nullable String name) {
            this.name = name;
        }

        public SiteServers.@Nullable Role getRole() {
            return role;
        }

        public void setRole(SiteServers.@Nullable Role role) {
            this.role = role;
        }

        public @Nullable String getOs() {
            return os;
        }

        public void setOs(@Nullable String os) {
            this.os = os;
        }

        public @Nullable String getOsVersion() {
            return osVersion;
        }

        public void setOsVersion(@Nullable String osVersion) {
            this.osVersion = osVersion;
        }

        public @Nullable String getDatabase() {
            return database;
        }

        public void setDatabase(@Nullable String database) {
            this.database = database;
        }

        public @Nullable String getDatabaseVersion() {
            return databaseVersion;
        }

        public void setDatabaseVersion(@Nullable String databaseVersion) {
            this.databaseVersion = databaseVersion;
        }

        public @Nullable String getSeries() {
            return series;
        }

        public void setSeries(@Nullable String series) {
            this.series = series;
        }
    }

    private List<Row> servers = new ArrayList<>();

    static ServersForm of(List<Server> current) {
        var form = new ServersForm();
        current.forEach(s -> form.servers.add(Row.of(s)));
        return form.withBlankRows();
    }

    /** Shown again after a refusal: what was typed, and fresh empty rows. */
    ServersForm reshown() {
        servers = new ArrayList<>(servers.stream().filter(r -> !r.blank()).toList());
        return withBlankRows();
    }

    private ServersForm withBlankRows() {
        for (int i = 0; i < BLANK_ROWS; i++) {
            servers.add(new Row());
        }
        return this;
    }

    /** The rows filled in, each a server (a name missing is refused when the request is drafted). */
    List<Server> filled() {
        return servers.stream().filter(r -> !r.blank()).map(Row::server).toList();
    }

    public List<Row> getServers() {
        return servers;
    }

    public void setServers(List<Row> servers) {
        this.servers = servers;
    }
}

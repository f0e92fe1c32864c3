package fr.guichet.changes;

import static fr.guichet.changes.ChangeWords.field;

import fr.guichet.account.AccountId;
import fr.guichet.helpdesk.ProductId;
import fr.guichet.helpdesk.SiteServers;
import fr.guichet.helpdesk.SiteServers.Server;
import fr.guichet.organization.OrganizationId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import tools.jackson.databind.ObjectMapper;

/** The machines a product runs on at the establishment: the whole list is one chapter. */
@Component
class ServerChanges implements Chapter {

    static final int MAX = 20;

    record ServerList(List<Server> servers) {}

    private final SiteServers reference;
    private final ChangeWords words;
    private final ObjectMapper json;

    ServerChanges(SiteServers reference, ChangeWords words, ObjectMapper json) {
        this.reference = reference;
        this.words = words;
        this.json = json;
    }

    @Override
    public ChangeKind kind() {
        return ChangeKind.SERVERS;
    }

    List<Server> current(OrganizationId establishment, ProductId product) {
        return reference.servers(establishment, product);
    }

    Draft draft(OrganizationId establishment, ProductId product, List<Server> wanted) {
        if (wanted.size() > MAX) {
            throw new InvalidChange("changes.servers.too-many", MAX);
        }
        var names = new HashSet<String>();
        var checked = new ArrayList<Server>();
        for (var server : wanted) {
            if (server == null) {
                throw new InvalidChange("changes.field.required", Inputs.label("changes.servers.name"));
            }
            var name = Inputs.required(server.name(), 100, "changes.servers.name");
            if (server.role() == null) {
                throw new InvalidChange("changes.servers.role.required", name);
            }
            if (!names.add(name.toLowerCase(Locale.ROOT))) {
                throw new InvalidChange("changes.servers.duplicate", name);
            }
            checked.add(new Server(
                    name,
                    server.role(),
                    Inputs.text(server.os(), 100, "changes.servers.os"),
                    Inputs.text(server.osVersion(), 50, "changes.servers.os-version"),
                    Inputs.text(server.database(), 100, "changes.servers.database"),
                    Inputs.text(server.databaseVersion(), 50, "changes.servers.database-version"),
                    Inputs.text(server.series(), 100, "changes.servers.series")));
        }
        return new Draft(kind(), establishment, product, "-", write(current(establishment, product)), write(checked));
    }

    @Override
    public boolean stillAsAsked(ChangeRequest request) {
        var now = reference.lockServers(request.establishment(), Objects.requireNonNull(request.product()));
        return same(now, read(Objects.requireNonNull(request.before())));
    }

    @Override
    public void apply(AccountId agent, ChangeRequest request) {
        reference.replaceServers(
                agent, request.establishment(), Objects.requireNonNull(request.product()), read(request.after()));
    }

    @Override
    public String describe(String data, Locale locale) {
        var servers = read(data);
        if (servers.isEmpty()) {
            return words.word("changes.servers.none", locale);
        }
        return servers.stream()
                .map(s -> s.name() + " ("
                        + words.word("changes.servers.role." + s.role(), locale) + ") — "
                        + words.fields(
                                locale,
                                field("changes.servers.os", join(s.os(), s.osVersion())),
                                field("changes.servers.database", join(s.database(), s.databaseVersion())),
                                field("changes.servers.series", s.series())))
                .collect(Collectors.joining(" ; "));
    }

    /** The same machines, whatever their order. */
    static boolean same(List<Server> a, List<Server> b) {
        return a.size() == b.size() && new HashSet<>(a).equals(new HashSet<>(b));
    }

    private static String join(String first, String second) {
        return first == null ? null : second == null ? first : first + " " + second;
    }

    private String write(List<Server> servers) {
        return json.writeValueAsString(new ServerList(servers));
    }

    List<Server> read(String data) {
        return json.readValue(data, ServerList.class).servers();
    }
}

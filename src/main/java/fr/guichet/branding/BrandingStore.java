package fr.guichet.branding;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The branding rows and their links: the one place that reads and writes them. */
@Repository
class BrandingStore {

    private static final String COLUMNS =
            "organization_id, scheme, welcome_title, welcome_text, welcome_side, banner_key, banner_type,"
                    + " banner_size, banner_sha256, logo_key, logo_type, logo_size, logo_sha256";

    private final JdbcClient jdbc;

    BrandingStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Branding> find(long organization, Stage stage) {
        return Optional.ofNullable(among(List.of(organization), stage).get(organization));
    }

    /** The versions of this stage that these organisations have, by organisation. */
    Map<Long, Branding> among(Collection<Long> organizations, Stage stage) {
        var found = new HashMap<Long, Branding>();
        if (organizations.isEmpty()) {
            return found;
        }
        var links = new HashMap<Long, List<Link>>();
        jdbc.sql("select organization_id, label, url from branding_link"
                        + " where stage = :stage and organization_id in (:ids) order by organization_id, position")
                .param("stage", stage.name())
                .param("ids", organizations)
                .query((rs, n) -> {
                    links.computeIfAbsent(rs.getLong(1), k -> new java.util.ArrayList<>())
                            .add(new Link(rs.getString(2), rs.getString(3)));
                    return null;
                })
                .list();
        jdbc.sql("select " + COLUMNS + " from branding where stage = :stage and organization_id in (:ids)")
                .param("stage", stage.name())
                .param("ids", organizations)
                .query((rs, n) -> {
                    var id = rs.getLong("organization_id");
                    found.put(id, branding(rs, links.getOrDefault(id, List.of())));
                    return null;
                })
                .list();
        return found;
    }

    void save(long organization, Stage stage, Branding branding, long actor, Instant at) {
        delete(organization, stage);
        jdbc.sql("insert into branding (" + COLUMNS + ", stage, changed_by, changed_at)"
                        + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(
                        organization,
                        branding.scheme().name(),
                        empty(branding.title()),
                        empty(branding.text()),
                        branding.side().name(),
                        key(branding.banner()),
                        branding.banner() == null ? null : branding.banner().contentType(),
                        branding.banner() == null ? null : branding.banner().size(),
                        branding.banner() == null ? null : branding.banner().sha256(),
                        key(branding.logo()),
                        branding.logo() == null ? null : branding.logo().contentType(),
                        branding.logo() == null ? null : branding.logo().size(),
                        branding.logo() == null ? null : branding.logo().sha256(),
                        stage.name(),
                        actor,
                        Timestamp.from(at))
                .update();
        var links = branding.links();
        for (int i = 0; i < links.size(); i++) {
            jdbc.sql("insert into branding_link (organization_id, stage, position, label, url) values (?, ?, ?, ?, ?)")
                    .params(
                            organization,
                            stage.name(),
                            i + 1,
                            links.get(i).label(),
                            links.get(i).url())
                    .update();
        }
    }

    void delete(long organization, Stage stage) {
        jdbc.sql("delete from branding_link where organization_id = ? and stage = ?")
                .params(organization, stage.name())
                .update();
        jdbc.sql("delete from branding where organization_id = ? and stage = ?")
                .params(organization, stage.name())
                .update();
    }

    private static Branding branding(ResultSet rs, List<Link> links) throws SQLException {
        return new Branding(
                ColorScheme.valueOf(rs.getString("scheme")),
                WelcomeSide.valueOf(rs.getString("welcome_side")),
                orEmpty(rs.getString("welcome_title")),
                orEmpty(rs.getString("welcome_text")),
                links,
                image(rs, "banner"),
                image(rs, "logo"));
    }

    private static @Nullable StoredImage image(ResultSet rs, String slot) throws SQLException {
        var key = rs.getString(slot + "_key");
        return key == null
                ? null
                : new StoredImage(
                        key, rs.getString(slot + "_type"), rs.getLong(slot + "_size"), rs.getString(slot + "_sha256"));
    }

    private static @Nullable String key(@Nullable StoredImage image) {
        return image == null ? null : image.key();
    }

    private static @Nullable String empty(String text) {
        return text.isEmpty() ? null : text;
    }

    private static String orEmpty(@Nullable String text) {
        return text == null ? "" : text;
    }
}

package fr.guichet.helpdesk.reference;

import fr.guichet.account.AccountId;
import fr.guichet.helpdesk.CategoryPublicationChanged;
import fr.guichet.helpdesk.reference.ReferenceForms.CategoryForm;
import fr.guichet.shared.NotFoundException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The request tree (the "+" of the portal) as the agency's staff build it: each node says who files there and how it ends. */
@Service
public class CategoryTree {

    public record Node(
            long id,
            Long parentId,
            String name,
            int sortOrder,
            Long productId,
            boolean filedByCorrespondents,
            boolean filedByMembers,
            boolean filedByExternals,
            boolean requiresValidation,
            boolean publishes,
            Long teamId,
            String guidance,
            int descriptionLimit,
            String requiredFields,
            boolean active) {

        Set<RequiredField> required() {
            return RequiredField.parse(requiredFields);
        }

        CategoryForm form() {
            return new CategoryForm(
                    name,
                    String.valueOf(sortOrder),
                    productId,
                    filedByCorrespondents,
                    filedByMembers,
                    filedByExternals,
                    requiresValidation,
                    publishes,
                    teamId,
                    guidance,
                    String.valueOf(descriptionLimit),
                    required(),
                    active);
        }
    }

    /** A node where the tree shows it: its depth under the roots. */
    public record Placed(Node node, int depth) {}

    private static final String COLUMNS = """
            id, parent_id, name, sort_order, product_id, filed_by_correspondents, filed_by_members, filed_by_externals,
            requires_validation, publishes, team_id, guidance, description_limit, required_fields, active""";

    private final JdbcClient jdbc;
    private final ReferenceLog log;
    private final ApplicationEventPublisher events;

    CategoryTree(JdbcClient jdbc, ReferenceLog log, ApplicationEventPublisher events) {
        this.events = events;
        this.jdbc = jdbc;
        this.log = log;
    }

    /** Every node, depth first, siblings by sort order then name. */
    @Transactional(readOnly = true)
    public List<Placed> tree() {
        var nodes = jdbc.sql("select " + COLUMNS + " from category")
                .query(Node.class)
                .list();
        Map<Long, List<Node>> children =
                nodes.stream().filter(n -> n.parentId() != null).collect(Collectors.groupingBy(Node::parentId));
        var placed = new ArrayList<Placed>();
        nodes.stream()
                .filter(n -> n.parentId() == null)
                .sorted(ORDER)
                .forEach(root -> place(root, 0, children, placed));
        return placed;
    }

    private static final Comparator<Node> ORDER =
            Comparator.comparingInt(Node::sortOrder).thenComparing(Node::name, String.CASE_INSENSITIVE_ORDER);

    private static void place(Node node, int depth, Map<Long, List<Node>> children, List<Placed> placed) {
        placed.add(new Placed(node, depth));
        children.getOrDefault(node.id(), List.of()).stream()
                .sorted(ORDER)
                .forEach(child -> place(child, depth + 1, children, placed));
    }

    @Transactional(readOnly = true)
    Optional<Node> find(long id) {
        return jdbc.sql("select " + COLUMNS + " from category where id = ?")
                .param(id)
                .query(Node.class)
                .optional();
    }

    @Transactional
    long create(AccountId actor, Long parent, CategoryForm form) {
        if (parent != null && find(parent).isEmpty()) {
            throw new NotFoundException();
        }
        check(parent, form, -1);
        var key = new GeneratedKeyHolder();
        jdbc.sql("""
                        insert into category (parent_id, name, sort_order, product_id, filed_by_correspondents, filed_by_members,
                            filed_by_externals, requires_validation, publishes, team_id, guidance, description_limit,
                            required_fields, active)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(
                        parent,
                        form.name().strip(),
                        form.sortOrderValue(),
                        form.productId(),
                        form.correspondents(),
                        form.members(),
                        form.externals(),
                        form.requiresValidation(),
                        Boolean.TRUE.equals(form.publishes()),
                        form.teamId(),
                        Products.blankToNull(form.guidance()),
                        form.descriptionLimitValue(),
                        RequiredField.format(form.requiredFields()),
                        Boolean.TRUE.equals(form.active()))
                .update(key, "id");
        var id = key.getKey().longValue();
        log.changed(
                actor, "CATEGORY_CREATED", "category " + id + ": " + form.name().strip(), describe(parent, form));
        return id;
    }

    @Transactional
    public void change(AccountId actor, long id, CategoryForm form) {
        var node = find(id).orElseThrow(NotFoundException::new);
        check(node.parentId(), form, id);
        jdbc.sql("""
                        update category set name = ?, sort_order = ?, product_id = ?, filed_by_correspondents = ?,
                            filed_by_members = ?, filed_by_externals = ?, requires_validation = ?, publishes = ?, team_id = ?,
                            guidance = ?, description_limit = ?, required_fields = ?, active = ?
                        where id = ?""")
                .params(
                        form.name().strip(),
                        form.sortOrderValue(),
                        form.productId(),
                        form.correspondents(),
                        form.members(),
                        form.externals(),
                        form.requiresValidation(),
                        Boolean.TRUE.equals(form.publishes()),
                        form.teamId(),
                        Products.blankToNull(form.guidance()),
                        form.descriptionLimitValue(),
                        RequiredField.format(form.requiredFields()),
                        Boolean.TRUE.equals(form.active()),
                        id)
                .update();
        log.changed(
                actor,
                "CATEGORY_CHANGED",
                "category " + id + ": " + form.name().strip(),
                describe(node.parentId(), form));
        if (node.publishes() != Boolean.TRUE.equals(form.publishes())) {
            events.publishEvent(new CategoryPublicationChanged(id, Boolean.TRUE.equals(form.publishes())));
        }
    }

    /** Two siblings of one name would be one choice twice; a level-2 node needs its product. */
    private void check(Long parent, CategoryForm form, long except) {
        var name = form.name().strip();
        // PostgreSQL cannot type a bare "? is null": the roots get their own query
        var same = parent == null
                ? jdbc.sql(
                                "select count(*) from category where lower(name) = lower(?) and id <> ? and parent_id is null")
                        .params(name, except)
                        .query(Long.class)
                        .single()
                : jdbc.sql("select count(*) from category where lower(name) = lower(?) and id <> ? and parent_id = ?")
                        .params(name, except, parent)
                        .query(Long.class)
                        .single();
        if (same > 0) {
            throw new ReferenceRefused("name", "reference.category.name-taken", name);
        }
        if (form.productId() != null && count("product", form.productId()) == 0) {
            throw new ReferenceRefused("productId", "reference.category.product.unknown");
        }
        if (form.correspondents() && form.productId() == null) {
            throw new ReferenceRefused("productId", "reference.category.product.required");
        }
        if (form.teamId() != null && count("team", form.teamId()) == 0) {
            throw new ReferenceRefused("teamId", "reference.category.team.unknown");
        }
    }

    private long count(String table, long id) {
        return jdbc.sql("select count(*) from " + table + " where id = ?")
                .param(id)
                .query(Long.class)
                .single();
    }

    private static String describe(Long parent, CategoryForm form) {
        return "parent " + parent + ", product " + form.productId() + ", filers "
                + (form.correspondents() ? "C" : "") + (form.members() ? "M" : "") + (form.externals() ? "E" : "")
                + ", validation " + form.requiresValidation() + ", publishes " + Boolean.TRUE.equals(form.publishes())
                + ", team " + form.teamId() + ", limit " + form.descriptionLimitValue() + ", required "
                + RequiredField.format(form.requiredFields()) + ", active " + Boolean.TRUE.equals(form.active());
    }
}

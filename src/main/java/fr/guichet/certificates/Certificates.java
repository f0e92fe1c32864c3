package fr.guichet.certificates;

import fr.guichet.account.AccountId;
import fr.guichet.organization.OrganizationId;
import fr.guichet.organization.OrganizationView;
import fr.guichet.organization.Organizations;
import fr.guichet.shared.NotFoundException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The one write path of certificates and their requests, and what is read of them. Who may act is
 * {@link CertificateAccess}'s to check before; the rules of the data (the lifecycle, a certificate
 * fit for encryption, once per organisation, removable or not) are checked here.
 */
@Service
class Certificates {

    private final JdbcClient jdbc;
    private final Organizations organizations;
    private final CertificateMails mails;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Certificates(
            JdbcClient jdbc,
            Organizations organizations,
            CertificateMails mails,
            ApplicationEventPublisher events,
            Clock clock) {
        this.jdbc = jdbc;
        this.organizations = organizations;
        this.mails = mails;
        this.events = events;
        this.clock = clock;
    }

    // ---- the tree's rules

    /** Chosen when the sub-organisation is created; never changed after. */
    @Transactional
    void recordInheritance(long organization, boolean inherits) {
        jdbc.sql("insert into certificate_inheritance (organization_id, inherits, chosen_at) values (:o, :i, :at)")
                .param("o", organization)
                .param("i", inherits)
                .param("at", Timestamp.from(clock.instant()))
                .update();
    }

    /** It encrypts with its parent's certificates too: chosen so, or older than the choice. */
    @Transactional(readOnly = true)
    boolean inherits(OrganizationView organization) {
        return !organization.establishment()
                && inheritanceChoice(organization.id().value()).orElse(true);
    }

    private Optional<Boolean> inheritanceChoice(long organization) {
        return jdbc.sql("select inherits from certificate_inheritance where organization_id = :o")
                .param("o", organization)
                .query(Boolean.class)
                .optional();
    }

    /**
     * The organisation whose certificate request rights in this one wait for: itself when it chose a
     * certificate of its own and has not asked for it, or the one it inherits from (up the tree while
     * each inherits) when that one has not; empty when rights may be granted.
     */
    @Transactional(readOnly = true)
    Optional<Long> awaitedRequest(long organization) {
        var current = organizations.find(new OrganizationId(organization));
        while (current.isPresent()) {
            var id = current.get().id().value();
            var choice = inheritanceChoice(id);
            if (choice.isPresent() && !choice.get()) {
                return liveRequests(id) == 0 ? Optional.of(id) : Optional.empty();
            }
            if (current.get().establishment()) {
                return Optional.empty();
            }
            current = organizations.find(current.get().parent());
        }
        return Optional.empty();
    }

    boolean awaitsRequest(long organization) {
        return awaitedRequest(organization).isPresent();
    }

    private long liveRequests(long organization) {
        return jdbc.sql("select count(*) from certificate_request where organization_id = :o and status <> 'CANCELLED'")
                .param("o", organization)
                .query(Long.class)
                .single();
    }

    @Transactional(readOnly = true)
    boolean holdsAny(long organization) {
        return jdbc.sql("select count(*) from encryption_certificate where organization_id = :o")
                        .param("o", organization)
                        .query(Long.class)
                        .single()
                > 0;
    }

    @Transactional(readOnly = true)
    boolean hasOpenRequest(long organization) {
        return jdbc.sql("select count(*) from certificate_request where organization_id = :o "
                                + "and status in ('REQUESTED', 'IN_PROGRESS')")
                        .param("o", organization)
                        .query(Long.class)
                        .single()
                > 0;
    }

    // ---- requests

    @Transactional
    CertificateRequest request(AccountId actor, OrganizationView organization, RequestForm form, String source) {
        // a deletion checks, then deletes, under this lock: nothing is added to it in between
        organizations.lock(organization.id()).orElseThrow(NotFoundException::new);
        var now = clock.instant();
        var key = new GeneratedKeyHolder();
        jdbc.sql("insert into certificate_request (organization_id, requested_by, requested_at, recipient, "
                        + "address, address_more, postal_code, city, support, supports, status, status_at) values (:o, :by, "
                        + ":at, :recipient, :address, :more, :postal, :city, :support, :supports, 'REQUESTED', :at)")
                .param("o", organization.id().value())
                .param("by", actor.value())
                .param("at", Timestamp.from(now))
                .param("recipient", form.recipient().strip())
                .param("address", form.address().strip())
                .param("more", blank(form.addressMore()))
                .param("postal", form.postalCode().strip())
                .param("city", form.city().strip())
                .param("support", form.chosenSupport().name())
                .param("supports", form.count())
                .update(key, "id");
        var request = request(key.getKey().longValue()).orElseThrow();
        mails.moved(request, organization);
        events.publishEvent(new CertificateRequested(
                actor.value(),
                organization.id().value(),
                request.id(),
                request.support().name(),
                request.supports(),
                source,
                now));
        return request;
    }

    @Transactional(readOnly = true)
    Optional<CertificateRequest> request(long id) {
        return jdbc.sql(REQUESTS + " where r.id = :id")
                .param("id", id)
                .query(Certificates::request)
                .optional();
    }

    @Transactional(readOnly = true)
    List<CertificateRequest> requests(long organization) {
        return jdbc.sql(REQUESTS + " where r.organization_id = :o order by r.requested_at desc, r.id desc")
                .param("o", organization)
                .query(Certificates::request)
                .list();
    }

    /** The agency's queue: requests in these statuses, oldest first. */
    @Transactional(readOnly = true)
    List<CertificateRequest> queue(Collection<RequestStatus> statuses) {
        if (statuses.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(REQUESTS + " where r.status in (:statuses) order by r.requested_at, r.id")
                .param("statuses", statuses.stream().map(Enum::name).toList())
                .query(Certificates::request)
                .list();
    }

    /**
     * Moves the request one step, if the table lets this actor: checked against the status it has
     * now, so that two agents acting at once cannot both move it. Installing takes the public
     * certificate; the request's organisation holds it from then on.
     */
    @Transactional
    CertificateRequest move(
            AccountId actor,
            RequestLifecycle.Actor as,
            long id,
            RequestLifecycle.Step step,
            @Nullable ParsedCertificate certificate,
            String source) {
        var request = request(id).orElseThrow(() -> new CertificateRefusal("certificates.request.unknown"));
        var to = RequestLifecycle.after(request.status(), step, as)
                .orElseThrow(() -> new CertificateRefusal("certificates.request.not-now"));
        if (step == RequestLifecycle.Step.INSTALL && certificate == null) {
            throw new CertificateRefusal("certificates.request.certificate-needed");
        }
        // the rights granted there rest on this request: only the agency withdraws it
        if (step == RequestLifecycle.Step.CANCEL
                && as == RequestLifecycle.Actor.ADMINISTRATOR
                && inheritanceChoice(request.organizationId())
                        .filter(inherits -> !inherits)
                        .isPresent()
                && liveRequests(request.organizationId()) <= 1) {
            throw new CertificateRefusal("certificates.request.last-one");
        }
        var now = clock.instant();
        var moved = jdbc.sql(
                        "update certificate_request set status = :to, status_at = :at where id = :id and status = :from")
                .param("to", to.name())
                .param("at", Timestamp.from(now))
                .param("id", id)
                .param("from", request.status().name())
                .update();
        if (moved == 0) {
            throw new CertificateRefusal("certificates.request.not-now");
        }
        var organization =
                organizations.find(new OrganizationId(request.organizationId())).orElseThrow();
        if (certificate != null && step == RequestLifecycle.Step.INSTALL) {
            install(actor, organization, certificate, id, source);
        }
        var after = request(id).orElseThrow();
        mails.moved(after, organization);
        events.publishEvent(new CertificateRequestMoved(
                actor.value(), request.organizationId(), id, request.status().name(), to.name(), source, now));
        return after;
    }

    // ---- certificates

    /**
     * The request's certificate joins the organisation's list. One it holds already (more supports of
     * its certificate, or one an administrator uploaded) becomes the request's, so that only the
     * agency removes it; two installs of the same certificate at once make one row.
     */
    private void install(
            AccountId actor,
            OrganizationView organization,
            ParsedCertificate certificate,
            long request,
            String source) {
        organizations.lock(organization.id()).orElseThrow(NotFoundException::new);
        var claimed = jdbc.sql(
                        "update encryption_certificate set origin = 'REQUEST', request_id = coalesce(request_id, "
                                + ":request) where organization_id = :o and sha256 = :sha")
                .param("request", request)
                .param("o", organization.id().value())
                .param("sha", certificate.sha256())
                .update();
        if (claimed == 0) {
            add(actor, organization, certificate, HeldCertificate.Origin.REQUEST, request, source);
        }
    }

    /** An administrator's own certificate for the organisation: refused when it already encrypts with it. */
    @Transactional
    HeldCertificate upload(
            AccountId actor, OrganizationView organization, ParsedCertificate certificate, String source) {
        var present = effective(organization).stream()
                .filter(c -> c.sha256().equals(certificate.sha256()))
                .findFirst();
        if (present.isPresent()) {
            throw present.get().inheritedBy(organization.id().value())
                    ? new CertificateRefusal(
                            "certificates.refused.inherited", present.get().holderName())
                    : new CertificateRefusal("certificates.refused.present");
        }
        return add(actor, organization, certificate, HeldCertificate.Origin.UPLOAD, null, source);
    }

    private HeldCertificate add(
            AccountId actor,
            OrganizationView organization,
            ParsedCertificate certificate,
            HeldCertificate.Origin origin,
            @Nullable Long request,
            String source) {
        var now = clock.instant();
        var key = new GeneratedKeyHolder();
        try {
            jdbc.sql("insert into encryption_certificate (organization_id, origin, request_id, subject, issuer, "
                            + "serial, not_before, not_after, key_description, key_uses, sha256, der, added_by, added_at) "
                            + "values (:o, :origin, :request, :subject, :issuer, :serial, :from, :to, :key, :uses, :sha, "
                            + ":der, :by, :at)")
                    .param("o", organization.id().value())
                    .param("origin", origin.name())
                    .param("request", request)
                    .param("subject", cut(certificate.subject(), 1000))
                    .param("issuer", cut(certificate.issuer(), 1000))
                    .param("serial", cut(certificate.serial(), 100))
                    .param("from", Timestamp.from(certificate.notBefore()))
                    .param("to", Timestamp.from(certificate.notAfter()))
                    .param("key", cut(certificate.key(), 40))
                    .param(
                            "uses",
                            certificate.keyUses().stream()
                                    .map(Enum::name)
                                    .sorted()
                                    .collect(Collectors.joining(",")))
                    .param("sha", certificate.sha256())
                    .param("der", certificate.der())
                    .param("by", actor.value())
                    .param("at", Timestamp.from(now))
                    .update(key, "id");
        } catch (DuplicateKeyException sameMoment) {
            // the same file sent twice at once: the second finds the first
            throw new CertificateRefusal("certificates.refused.present");
        }
        var id = key.getKey().longValue();
        events.publishEvent(new CertificateAdded(
                actor.value(),
                organization.id().value(),
                id,
                origin.name(),
                request,
                certificate.subject(),
                certificate.serial(),
                certificate.sha256(),
                certificate.notAfter(),
                source,
                now));
        return own(organization.id().value()).stream()
                .filter(c -> c.id() == id)
                .findFirst()
                .orElseThrow();
    }

    /**
     * Removes one of the organisation's own certificates: what an administrator uploaded, or, for the
     * agency, any; one from a request stays for the administrators, and inherited ones are the parent's.
     */
    @Transactional
    void remove(AccountId actor, boolean agent, OrganizationView organization, long id, String source) {
        var certificate = own(organization.id().value()).stream()
                .filter(c -> c.id() == id)
                .findFirst()
                .orElseThrow(() -> new CertificateRefusal("certificates.remove.unknown"));
        if (!removable(certificate, agent)) {
            throw new CertificateRefusal("certificates.remove.from-request");
        }
        jdbc.sql("delete from encryption_certificate where id = :id")
                .param("id", id)
                .update();
        events.publishEvent(new CertificateRemoved(
                actor.value(),
                organization.id().value(),
                id,
                certificate.subject(),
                certificate.serial(),
                certificate.sha256(),
                source,
                clock.instant()));
    }

    static boolean removable(HeldCertificate certificate, boolean agent) {
        return agent || certificate.origin() == HeldCertificate.Origin.UPLOAD;
    }

    /** Its own certificates, newest first. */
    @Transactional(readOnly = true)
    List<HeldCertificate> own(long organization) {
        return jdbc.sql(CERTIFICATES + " where c.organization_id in (:o) order by c.added_at desc, c.id desc")
                .param("o", List.of(organization))
                .query(Certificates::certificate)
                .list();
    }

    /**
     * Every certificate the organisation's bids are encrypted with: its own, then, while each chose
     * to inherit, those of the organisations above it.
     */
    @Transactional(readOnly = true)
    List<HeldCertificate> effective(OrganizationView organization) {
        var chain = new ArrayList<Long>();
        chain.add(organization.id().value());
        var ids = Arrays.stream(organization.path().split("/"))
                .filter(s -> !s.isEmpty())
                .map(Long::parseLong)
                .toList();
        var current = organization;
        for (var i = ids.size() - 2; i >= 0 && inherits(current); i--) {
            var parent = organizations.find(new OrganizationId(ids.get(i)));
            if (parent.isEmpty()) {
                break;
            }
            current = parent.get();
            chain.add(ids.get(i));
        }
        var all = jdbc.sql(CERTIFICATES + " where c.organization_id in (:o) order by c.added_at desc, c.id desc")
                .param("o", chain)
                .query(Certificates::certificate)
                .list();
        var ordered = new ArrayList<HeldCertificate>();
        var seen = new java.util.HashSet<String>();
        for (var holder : chain) {
            // the same certificate held here and above is one certificate to encrypt with: the nearest
            all.stream()
                    .filter(c -> c.holderId() == holder && seen.add(c.sha256()))
                    .forEach(ordered::add);
        }
        return ordered;
    }

    /** Certificates whose end falls before this instant and that have not expired yet (the daily warnings). */
    @Transactional(readOnly = true)
    List<HeldCertificate> endingBefore(Instant limit) {
        return jdbc.sql(CERTIFICATES + " where c.not_after > :now and c.not_after <= :limit order by c.not_after, c.id")
                .param("now", Timestamp.from(clock.instant()))
                .param("limit", Timestamp.from(limit))
                .query(Certificates::certificate)
                .list();
    }

    Instant now() {
        return clock.instant();
    }

    /** The day of this instant in the agency's zone, as pages and e-mails show it. */
    LocalDate day(Instant instant) {
        return LocalDate.ofInstant(instant, clock.getZone());
    }

    private static final String REQUESTS = "select r.*, o.name as organization_name from certificate_request r "
            + "join organization o on o.id = r.organization_id";

    private static final String CERTIFICATES = "select c.*, o.name as holder_name from encryption_certificate c "
            + "join organization o on o.id = c.organization_id";

    private static CertificateRequest request(ResultSet rs, int row) throws SQLException {
        return new CertificateRequest(
                rs.getLong("id"),
                rs.getLong("organization_id"),
                rs.getString("organization_name"),
                rs.getLong("requested_by"),
                rs.getTimestamp("requested_at").toInstant(),
                rs.getString("recipient"),
                rs.getString("address"),
                rs.getString("address_more"),
                rs.getString("postal_code"),
                rs.getString("city"),
                Support.valueOf(rs.getString("support")),
                rs.getInt("supports"),
                RequestStatus.valueOf(rs.getString("status")),
                rs.getTimestamp("status_at").toInstant());
    }

    private static HeldCertificate certificate(ResultSet rs, int row) throws SQLException {
        var uses = rs.getString("key_uses");
        return new HeldCertificate(
                rs.getLong("id"),
                rs.getLong("organization_id"),
                rs.getString("holder_name"),
                HeldCertificate.Origin.valueOf(rs.getString("origin")),
                (Long) rs.getObject("request_id", Long.class),
                rs.getString("subject"),
                rs.getString("issuer"),
                rs.getString("serial"),
                rs.getTimestamp("not_before").toInstant(),
                rs.getTimestamp("not_after").toInstant(),
                rs.getString("key_description"),
                uses.isEmpty()
                        ? List.of()
                        : Arrays.stream(uses.split(",")).map(KeyUse::valueOf).toList(),
                rs.getString("sha256"),
                rs.getBytes("der"),
                rs.getTimestamp("added_at").toInstant());
    }

    private static @Nullable String blank(@Nullable String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static String cut(String value, int max) {
        return value.length() <= max ? value : value.substring(0, max);
    }
}

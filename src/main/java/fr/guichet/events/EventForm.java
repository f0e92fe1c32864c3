package fr.guichet.events;

import fr.guichet.account.InterestDomain;
import fr.guichet.news.Criterion;
import fr.guichet.news.Target;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * The agents' event form as sent: every value a string as the browser gives it (dates and times in the
 * agency's time zone), so that a bad one is an error said rather than a value lost. A session row left
 * entirely blank is no session. Public, with its accessors, for the page's expressions and binding.
 */
public class EventForm {

    private String title = "";
    private String description = "";
    private String kind = "";
    private String product = "";
    private List<String> domains = new ArrayList<>();
    private String audience = "everyone";
    private List<String> establishments = new ArrayList<>();
    private List<String> correspondentProducts = new ArrayList<>();
    private String correspondentKind = "BOTH";
    private List<String> services = new ArrayList<>();
    private String opensAt = "";
    private String deadline = "";
    private boolean needsApproval;
    private boolean showsParticipants;
    private boolean announce;
    private List<SessionRow> sessions = new ArrayList<>();

    /** One session's row. */
    public static class SessionRow {
        private String id = "";
        private String day = "";
        private String start = "";
        private String end = "";
        private String place = "";
        private String address = "";
        private String videoLink = "";
        private String capacity = "";
        private boolean cancel;

        boolean blank() {
            return id.isBlank()
                    && day.isBlank()
                    && start.isBlank()
                    && end.isBlank()
                    && place.isBlank()
                    && address.isBlank()
                    && videoLink.isBlank()
                    && capacity.isBlank();
        }

        EventDraft.SessionDraft draft(ZoneId zone) {
            var date = day(day);
            var from = time(start);
            var to = time(end);
            int seats;
            try {
                seats = Integer.parseInt(capacity.strip());
            } catch (NumberFormatException e) {
                throw new EventRefusal("events.refused.capacity", EventDraft.SessionDraft.MAX_CAPACITY);
            }
            return new EventDraft.SessionDraft(
                    EventPages.parse(id),
                    date.atTime(from).atZone(zone).toInstant(),
                    date.atTime(to).atZone(zone).toInstant(),
                    place,
                    address,
                    videoLink,
                    seats,
                    cancel);
        }

        private static LocalDate day(String value) {
            try {
                return LocalDate.parse(value.strip());
            } catch (DateTimeException | NullPointerException e) {
                throw new EventRefusal("events.refused.session-times");
            }
        }

        private static LocalTime time(String value) {
            try {
                return LocalTime.parse(value.strip());
            } catch (DateTimeException | NullPointerException e) {
                throw new EventRefusal("events.refused.session-times");
            }
        }

        public String getId() {
            return id;
        }

        public void setId(String id) {
            this.id = id == null ? "" : id;
        }

        public String getDay() {
            return day;
        }

        public void setDay(String day) {
            this.day = day == null ? "" : day;
        }

        public String getStart() {
            return start;
        }

        public void setStart(String start) {
            this.start = start == null ? "" : start;
        }

        public String getEnd() {
            return end;
        }

        public void setEnd(String end) {
            this.end = end == null ? "" : end;
        }

        public String getPlace() {
            return place;
        }

        public void setPlace(String place) {
            this.place = place == null ? "" : place;
        }

        public String getAddress() {
            return address;
        }

        public void setAddress(String address) {
            this.address = address == null ? "" : address;
        }

        public String getVideoLink() {
            return videoLink;
        }

        public void setVideoLink(String videoLink) {
            this.videoLink = videoLink == null ? "" : videoLink;
        }

        public String getCapacity() {
            return capacity;
        }

        public void setCapacity(String capacity) {
            this.capacity = capacity == null ? "" : capacity;
        }

        public boolean isCancel() {
            return cancel;
        }

        public void setCancel(boolean cancel) {
            this.cancel = cancel;
        }
    }

    static EventForm blank(int rows) {
        var form = new EventForm();
        form.padSessions(rows);
        return form;
    }

    /** The form of an event as it stands, with {@code more} blank rows to add sessions. */
    static EventForm of(EventView event, ZoneId zone, int more) {
        var form = new EventForm();
        form.title = event.title();
        form.description = event.description();
        form.kind = event.kind().name();
        form.product = event.productId() == null ? "" : event.productId().toString();
        form.domains = event.domains().stream().map(Enum::name).collect(Collectors.toCollection(ArrayList::new));
        form.audience = event.audience().everyone() ? "everyone" : "targeted";
        form.establishments = new ArrayList<>(event.audience().values(Criterion.ESTABLISHMENT));
        var correspondents = event.audience().values(Criterion.CORRESPONDENTS);
        form.correspondentProducts =
                correspondents.stream().map(v -> v.split(":", 2)[0]).collect(Collectors.toCollection(ArrayList::new));
        form.correspondentKind = correspondents.stream()
                .map(v -> v.split(":", 2))
                .filter(p -> p.length == 2)
                .map(p -> p[1])
                .findFirst()
                .orElse("BOTH");
        form.services = new ArrayList<>(event.audience().values(Criterion.SERVICE));
        form.opensAt = local(event.opensAt(), zone);
        form.deadline = local(event.deadline(), zone);
        form.needsApproval = event.needsApproval();
        form.showsParticipants = event.showsParticipants();
        for (var session : event.heldSessions()) {
            var row = new SessionRow();
            var from = session.start().atZone(zone);
            var to = session.end().atZone(zone);
            row.id = Long.toString(session.id());
            row.day = from.toLocalDate().toString();
            row.start = from.toLocalTime().toString();
            row.end = to.toLocalTime().toString();
            row.place = session.place() == null ? "" : session.place();
            row.address = session.address() == null ? "" : session.address();
            row.videoLink = session.videoLink() == null ? "" : session.videoLink();
            row.capacity = Integer.toString(session.capacity());
            form.sessions.add(row);
        }
        form.padSessions(form.sessions.size() + more);
        return form;
    }

    private static String local(java.time.Instant instant, ZoneId zone) {
        return LocalDateTime.ofInstant(instant, zone).withSecond(0).withNano(0).toString();
    }

    void padSessions(int rows) {
        while (sessions.size() < rows) {
            sessions.add(new SessionRow());
        }
    }

    EventDraft draft(ZoneId zone) {
        EventKind chosenKind;
        try {
            chosenKind = EventKind.valueOf(kind);
        } catch (IllegalArgumentException e) {
            throw new EventRefusal("events.refused.kind-required");
        }
        Set<InterestDomain> chosenDomains = EnumSet.noneOf(InterestDomain.class);
        for (var domain : domains) {
            try {
                chosenDomains.add(InterestDomain.valueOf(domain));
            } catch (IllegalArgumentException e) {
                throw new EventRefusal("events.refused.unknown-domain");
            }
        }
        Long productId = null;
        if (!product.isBlank()) {
            productId = EventPages.parse(product);
            if (productId == null) {
                throw new EventRefusal("events.refused.unknown-product");
            }
        }
        var drafts = sessions.stream()
                .filter(r -> !r.blank())
                .map(r -> r.draft(zone))
                .toList();
        return new EventDraft(
                title,
                description,
                chosenKind,
                productId,
                chosenDomains,
                target(),
                instant(opensAt, zone),
                instant(deadline, zone),
                needsApproval,
                showsParticipants,
                drafts);
    }

    /** The criteria chosen, refused with "Tout le monde" rather than silently widened to everyone. */
    Target target() {
        var criteria = new EnumMap<Criterion, Set<String>>(Criterion.class);
        criteria.put(Criterion.ESTABLISHMENT, strings(establishments));
        var kindOfCorrespondent = correspondentKind == null || correspondentKind.isBlank() ? "BOTH" : correspondentKind;
        criteria.put(
                Criterion.CORRESPONDENTS,
                strings(correspondentProducts).stream()
                        .map(p -> p + ":" + kindOfCorrespondent)
                        .collect(Collectors.toSet()));
        criteria.put(Criterion.SERVICE, strings(services));
        var everyone = !"targeted".equals(audience);
        if (everyone && criteria.values().stream().anyMatch(v -> !v.isEmpty())) {
            throw new EventRefusal("events.refused.audience-mixed");
        }
        return new Target(everyone, Map.copyOf(criteria));
    }

    private static Set<String> strings(@Nullable List<String> values) {
        return values == null
                ? Set.of()
                : values.stream()
                        .filter(v -> v != null && !v.isBlank())
                        .map(String::strip)
                        .collect(Collectors.toSet());
    }

    private static java.time.@Nullable Instant instant(String local, ZoneId zone) {
        if (local == null || local.isBlank()) {
            return null;
        }
        try {
            return LocalDateTime.parse(local.strip()).atZone(zone).toInstant();
        } catch (DateTimeException malformed) {
            throw new EventRefusal("events.refused.dates-required");
        }
    }

    public boolean toEveryone() {
        return !"targeted".equals(audience);
    }

    public String getTitle() {
        return title;
    }

    public void setTitle(String title) {
        this.title = title == null ? "" : title;
    }

    public String getDescription() {
        return description;
    }

    public void setDescription(String description) {
        this.description = description == null ? "" : description;
    }

    public String getKind() {
        return kind;
    }

    public void setKind(String kind) {
        this.kind = kind == null ? "" : kind;
    }

    public String getProduct() {
        return product;
    }

    public void setProduct(String product) {
        this.product = product == null ? "" : product;
    }

    public List<String> getDomains() {
        return domains;
    }

    public void setDomains(List<String> domains) {
        this.domains = domains == null ? new ArrayList<>() : domains;
    }

    public String getAudience() {
        return audience;
    }

    public void setAudience(String audience) {
        this.audience = audience == null ? "" : audience;
    }

    public List<String> getEstablishments() {
        return establishments;
    }

    public void setEstablishments(List<String> v) {
        this.establishments = v == null ? new ArrayList<>() : v;
    }

    public List<String> getCorrespondentProducts() {
        return correspondentProducts;
    }

    public void setCorrespondentProducts(List<String> v) {
        this.correspondentProducts = v == null ? new ArrayList<>() : v;
    }

    public String getCorrespondentKind() {
        return correspondentKind;
    }

    public void setCorrespondentKind(String v) {
        this.correspondentKind = v == null ? "BOTH" : v;
    }

    public List<String> getServices() {
        return services;
    }

    public void setServices(List<String> v) {
        this.services = v == null ? new ArrayList<>() : v;
    }

    public String getOpensAt() {
        return opensAt;
    }

    public void setOpensAt(String opensAt) {
        this.opensAt = opensAt == null ? "" : opensAt;
    }

    public String getDeadline() {
        return deadline;
    }

    public void setDeadline(String deadline) {
        this.deadline = deadline == null ? "" : deadline;
    }

    public boolean isNeedsApproval() {
        return needsApproval;
    }

    public void setNeedsApproval(boolean needsApproval) {
        this.needsApproval = needsApproval;
    }

    public boolean isShowsParticipants() {
        return showsParticipants;
    }

    public void setShowsParticipants(boolean showsParticipants) {
        this.showsParticipants = showsParticipants;
    }

    public boolean isAnnounce() {
        return announce;
    }

    public void setAnnounce(boolean announce) {
        this.announce = announce;
    }

    public List<SessionRow> getSessions() {
        return sessions;
    }

    public void setSessions(List<SessionRow> sessions) {
        this.sessions = sessions == null ? new ArrayList<>() : sessions;
    }
}

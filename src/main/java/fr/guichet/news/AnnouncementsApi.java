package fr.guichet.news;

import fr.guichet.account.Accounts;
import fr.guichet.account.SignedInPerson;
import fr.guichet.shared.NotFoundException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Announcements in the API: a person reads those aimed at him; the agency's staff write them. */
@RestController
@RequestMapping("/api/v1/announcements")
@Tag(name = "Announcements")
class AnnouncementsApi {

    private final Announcements announcements;
    private final Accounts accounts;

    AnnouncementsApi(Announcements announcements, Accounts accounts) {
        this.announcements = announcements;
        this.accounts = accounts;
    }

    @GetMapping
    @Operation(
            summary = "The announcements aimed at the token's owner, newest first (20 a page), with whether he read "
                    + "each and how many he has not")
    Announcements.Page mine(
            @AuthenticationPrincipal SignedInPerson person, @RequestParam(name = "page", defaultValue = "0") int page) {
        return announcements.forPerson(person.accountId(), Math.max(0, Math.min(page, 10_000)), NewsPages.PAGE_SIZE);
    }

    @GetMapping("/{id}")
    @Operation(summary = "One announcement aimed at him (404 otherwise); reading it through the API marks it read")
    AnnouncementView one(@AuthenticationPrincipal SignedInPerson person, @PathVariable("id") long id) {
        var announcement = announcements.find(person.accountId(), id).orElseThrow(NotFoundException::new);
        announcements.markRead(person.accountId(), id);
        return announcement;
    }

    /**
     * An announcement as the API writes it: criteria by name (ESTABLISHMENT, CORRESPONDENTS,
     * INTEREST_DOMAIN, PLACE, SERVICE), each with its values, when not to everyone.
     */
    record NewAnnouncement(
            @Nullable String title,
            @Nullable String body,
            @Nullable AnnouncementKind kind,
            @Nullable Long productId,
            @Nullable Instant publishAt,
            @Nullable Instant expiresAt,
            boolean everyone,
            @Nullable Map<Criterion, Set<String>> criteria) {

        AnnouncementDraft draft() {
            return new AnnouncementDraft(title, body, kind, productId, publishAt, expiresAt, target());
        }

        Target target() {
            return new Target(everyone, criteria == null ? Map.of() : criteria);
        }
    }

    @PostMapping
    @Operation(
            summary = "Publish an announcement (the agency's staff): it is sent from its publication date, to each "
                    + "person as his alerts say; 400 with the reason when a field or the target is refused")
    ResponseEntity<AnnouncementView> publish(
            @AuthenticationPrincipal SignedInPerson person,
            @RequestBody(required = false) @Nullable NewAnnouncement announcement) {
        // who may write is answered before what he wrote: a member learns nothing of the rules
        accounts.requireStaff(person);
        var id = announcements.publish(person.accountId(), orEmpty(announcement).draft(), null);
        return ResponseEntity.created(URI.create("/api/v1/announcements/" + id))
                .body(announcements.find(person.accountId(), id).orElseThrow());
    }

    /** How many people a target reaches today (the agency's staff), nothing saved. */
    @PostMapping("/reach")
    @Operation(summary = "How many people this target reaches today (the agency's staff); nothing is saved")
    Map<String, Integer> reach(
            @AuthenticationPrincipal SignedInPerson person,
            @RequestBody(required = false) @Nullable NewAnnouncement sent) {
        accounts.requireStaff(person);
        return Map.of(
                "people", announcements.reach(person.accountId(), orEmpty(sent).target()));
    }

    private static NewAnnouncement orEmpty(@Nullable NewAnnouncement announcement) {
        return announcement == null
                ? new NewAnnouncement(null, null, null, null, null, null, false, null)
                : announcement;
    }

    @PostMapping("/{id}/withdrawal")
    @Operation(summary = "Withdraw an announcement (the agency's staff): no longer shown, nobody else told")
    AnnouncementView withdraw(@AuthenticationPrincipal SignedInPerson person, @PathVariable("id") long id) {
        announcements.withdraw(person.accountId(), id);
        return announcements.find(person.accountId(), id).orElseThrow();
    }
}

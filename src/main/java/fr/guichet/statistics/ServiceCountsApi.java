package fr.guichet.statistics;

import fr.guichet.shared.ServiceCaller;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Where a connected service pushes its own counts, with its own client-credentials token. */
@RestController
@Tag(name = "Statistics")
class ServiceCountsApi {

    /** A day's counts: metric code → whole number, e.g. {"room.opened": 3}. */
    record Push(@Nullable String date, @Nullable Map<String, Object> counts) {}

    record Pushed(long organizationId, String date, int saved) {}

    private final ServiceCounts counts;

    ServiceCountsApi(ServiceCounts counts) {
        this.counts = counts;
    }

    @Operation(
            summary = "A connected service's counts of a day for an organisation (scope statistics); a"
                    + " metric pushed again for the same day replaces the earlier value")
    @PostMapping("/api/v1/organizations/{id}/statistics")
    Pushed push(
            @AuthenticationPrincipal @Nullable ServiceCaller caller,
            @PathVariable("id") long id,
            @RequestBody(required = false) @Nullable Push push) {
        // the caller is checked before the body is read: a person learns nothing of its rules
        if (caller == null || !caller.may(ServiceCaller.STATISTICS)) {
            throw new AccessDeniedException("for connected services with the statistics scope");
        }
        if (push == null) {
            throw new CountsRefused("statistics.push.counts-required");
        }
        var saved = counts.push(caller.clientId(), id, push.date(), push.counts());
        return new Pushed(id, push.date().strip(), saved);
    }
}

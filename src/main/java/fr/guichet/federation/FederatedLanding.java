package fr.guichet.federation;

import fr.guichet.account.AccountId;
import fr.guichet.account.SessionSignIn;
import fr.guichet.account.SignInMethod;
import fr.guichet.account.SignedInPerson;
import fr.guichet.shared.ClientAddress;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.stereotype.Component;

/**
 * Where every protocol hands over once its provider has answered: the answer becomes a sign-in,
 * a link from "Mon compte", the page where a newcomer completes his account, or a refusal that says
 * why. Returns where to send the browser.
 */
@Component
public class FederatedLanding {

    static final String NEWCOMER = FederatedLanding.class.getName() + ".newcomer";
    static final String REFUSAL = FederatedLanding.class.getName() + ".refusal";
    static final String LINKING = FederatedLanding.class.getName() + ".linking";

    /** Long enough to pass the provider's own pages, short enough not to outlive the intent. */
    static final Duration LINKING_VALIDITY = Duration.ofMinutes(15);

    private static final Logger log = LoggerFactory.getLogger(FederatedLanding.class);

    private final FederatedSignIns signIns;
    private final IdentityProviders providers;
    private final SessionSignIn sessions;
    private final Clock clock;
    private final HttpSessionSecurityContextRepository contexts = new HttpSessionSecurityContextRepository();

    FederatedLanding(FederatedSignIns signIns, IdentityProviders providers, SessionSignIn sessions, Clock clock) {
        this.signIns = signIns;
        this.providers = providers;
        this.sessions = sessions;
        this.clock = clock;
    }

    /**
     * A person who, signed in, asked to tie an identity of this provider to his account; his sign-in
     * is kept to be put back, whatever the provider answers, since a protocol's filter replaces it.
     */
    record Linking(long accountId, long providerId, Instant askedAt, Authentication signedIn)
            implements java.io.Serializable {

        AccountId account() {
            return new AccountId(accountId);
        }
    }

    public String land(
            long providerId,
            SignInMethod method,
            AssertedIdentity identity,
            HttpServletRequest request,
            HttpServletResponse response) {
        var provider = providers.enabled(providerId);
        if (provider.isEmpty()) {
            return refuse(new Arrival.Refused("federation.refused.provider-off", ""), request, response);
        }
        var linking = takeLinking(request, providerId);
        Arrival arrival;
        try {
            arrival = signIns.arrive(
                    provider.get(), identity, linking == null ? null : linking.account(), ClientAddress.of(request));
        } catch (DataIntegrityViolationException raced) {
            log.info("identity of provider {} linked twice at once; the second was refused", providerId);
            arrival = new Arrival.Refused(
                    "federation.refused.raced", provider.get().name());
        }
        if (linking == null && arrival instanceof Arrival.SignIn signIn) {
            return sessions.signIn(signIn.account(), method, request, response);
        }
        if (linking != null) {
            restore(linking, request, response);
            if (arrival instanceof Arrival.Refused refused) {
                request.getSession().setAttribute(REFUSAL, refused);
                return request.getContextPath() + "/compte/identites?refus";
            }
            return request.getContextPath() + "/compte/identites?lie";
        }
        if (arrival instanceof Arrival.Complete complete) {
            signOut(request, response);
            request.getSession().setAttribute(NEWCOMER, complete.newcomer());
            return request.getContextPath() + "/connexion/etablissement/completer";
        }
        return refuse((Arrival.Refused) arrival, request, response);
    }

    /** The provider said no, or could not be reached: the person reads why on the chooser. */
    public String failed(long providerId, HttpServletRequest request, HttpServletResponse response) {
        var name = providers.find(providerId).map(ProviderView::name).orElse("");
        var refusal = new Arrival.Refused("federation.refused.provider-failed", name);
        var linking = takeLinking(request, providerId);
        if (linking != null) {
            restore(linking, request, response);
            request.getSession().setAttribute(REFUSAL, refusal);
            return request.getContextPath() + "/compte/identites?refus";
        }
        return refuse(refusal, request, response);
    }

    private String refuse(Arrival.Refused refusal, HttpServletRequest request, HttpServletResponse response) {
        log.info("sign-in through {} refused: {}", refusal.providerName(), refusal.code());
        signOut(request, response);
        request.getSession().setAttribute(REFUSAL, refusal);
        return request.getContextPath() + "/connexion/etablissement/refus";
    }

    private void restore(Linking linking, HttpServletRequest request, HttpServletResponse response) {
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(linking.signedIn());
        SecurityContextHolder.setContext(context);
        contexts.saveContext(context, request, response);
    }

    private Linking takeLinking(HttpServletRequest request, long providerId) {
        var session = request.getSession(false);
        if (session == null || !(session.getAttribute(LINKING) instanceof Linking linking)) {
            return null;
        }
        session.removeAttribute(LINKING);
        var fresh = linking.askedAt().plus(LINKING_VALIDITY).isAfter(clock.instant());
        return fresh && linking.providerId() == providerId ? linking : null;
    }

    /**
     * What a protocol's filter authenticated is not a Guichet sign-in: it goes from this request (it
     * never reached the session). A person already signed in stays so.
     */
    private void signOut(HttpServletRequest request, HttpServletResponse response) {
        var current = SecurityContextHolder.getContext().getAuthentication();
        if (current != null && current.getPrincipal() instanceof SignedInPerson) {
            return;
        }
        SecurityContextHolder.clearContext();
    }
}

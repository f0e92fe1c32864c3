package fr.guichet.changes;

import fr.guichet.account.AccountId;
import fr.guichet.helpdesk.CorrespondentKind;
import fr.guichet.helpdesk.CorrespondentSites;
import fr.guichet.helpdesk.ProductId;
import fr.guichet.organization.OrganizationId;
import fr.guichet.shared.Refusal;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import tools.jackson.databind.ObjectMapper;

/**
 * A newcomer named correspondent. He must already have an account and be a confirmed member of the
 * establishment: checked when asked, and again when applied (he may have left meanwhile).
 */
@Component
class NewCorrespondentChanges implements Chapter {

    private static final Set<String> NOT_A_MEMBER =
            Set.of("reference.correspondent.unknown", "reference.correspondent.not-member");

    private final CorrespondentSites reference;
    private final ChangeWords words;
    private final ObjectMapper json;

    NewCorrespondentChanges(CorrespondentSites reference, ChangeWords words, ObjectMapper json) {
        this.reference = reference;
        this.words = words;
        this.json = json;
    }

    @Override
    public ChangeKind kind() {
        return ChangeKind.NEW_CORRESPONDENT;
    }

    Draft draft(
            OrganizationId establishment,
            ProductId product,
            @Nullable String email,
            @Nullable CorrespondentKind correspondentKind,
            @Nullable String contactEmail) {
        var address = Inputs.email(email, "changes.naming.email");
        if (address == null) {
            throw new InvalidChange("changes.field.required", Inputs.label("changes.naming.email"));
        }
        if (correspondentKind == null) {
            throw new InvalidChange("changes.naming.kind.required");
        }
        var contact = Inputs.email(contactEmail, "changes.contact.email");
        CorrespondentSites.Named newcomer;
        try {
            newcomer = reference.candidate(establishment, product, address, correspondentKind);
        } catch (Refusal refused) {
            // one answer whether the address has no account or one elsewhere: the form tells no one who has an account
            if (NOT_A_MEMBER.contains(refused.messageKey())) {
                throw new InvalidChange("changes.naming.not-member", address);
            }
            throw refused;
        }
        var naming = Naming.of(newcomer, contact, true);
        return new Draft(kind(), establishment, product, naming.about(), null, json.writeValueAsString(naming));
    }

    /** Not named meanwhile, and still a confirmed member: else the portal refuses it. */
    @Override
    public boolean stillAsAsked(ChangeRequest request) {
        var newcomer = read(request.after());
        var product = Objects.requireNonNull(request.product());
        return reference.lockNamed(request.establishment(), product).stream().noneMatch(newcomer::is)
                && reference.mayBeNamed(
                        request.establishment(), product, new AccountId(newcomer.accountId()), newcomer.kind());
    }

    @Override
    public void apply(AccountId agent, ChangeRequest request) {
        var newcomer = read(request.after());
        reference.addCorrespondent(
                agent,
                request.establishment(),
                Objects.requireNonNull(request.product()),
                new AccountId(newcomer.accountId()),
                newcomer.kind(),
                newcomer.contactEmail());
    }

    @Override
    public String describe(String data, Locale locale) {
        return read(data).describe(words, locale);
    }

    Naming read(String data) {
        return json.readValue(data, Naming.class);
    }
}

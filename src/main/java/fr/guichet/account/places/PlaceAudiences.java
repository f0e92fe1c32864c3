package fr.guichet.account.places;

import fr.guichet.account.AccountId;
import fr.guichet.account.PlaceAudience;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/** Places for the modules that aim at them, through the account module's API. */
@Component
class PlaceAudiences implements PlaceAudience {

    private final Places places;
    private final MessageSource messages;

    PlaceAudiences(Places places, MessageSource messages) {
        this.places = places;
        this.messages = messages;
    }

    @Override
    public boolean knows(String code) {
        try {
            places.parse(code);
            return true;
        } catch (UnknownPlace unknown) {
            return false;
        }
    }

    @Override
    public Set<AccountId> concernedBy(Collection<String> codes) {
        return places.peopleConcernedBy(codes.stream().map(places::parse).toList());
    }

    @Override
    public List<Group> choices(Locale locale) {
        var groups = new ArrayList<Group>();
        for (var region : places.allRegions()) {
            var choices = new ArrayList<Choice>();
            choices.add(new Choice(
                    region.region().code(),
                    messages.getMessage(
                            "places.whole-region", new Object[] {region.region().label(locale)}, locale)));
            region.departements().forEach(d -> choices.add(new Choice(d.code(), d.label(locale))));
            groups.add(new Group(region.region().label(locale), List.copyOf(choices)));
        }
        groups.add(new Group(
                messages.getMessage("places.other-countries", null, locale),
                places.allCountries(locale).stream()
                        .map(c -> new Choice(c.code(), c.label(locale)))
                        .toList()));
        return List.copyOf(groups);
    }
}

package fr.guichet.account.places;

import fr.guichet.account.CurrentPerson;
import fr.guichet.shared.Refusal;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * "Mes préférences « Lieu d'exécution »": the signed-in person's places, and the form of the way
 * of choosing he picked. The page serves only him: no one else's id is ever read from the request.
 */
@Controller
class PlacePages {

    static final String PATH = "/compte/lieux";

    /** What the form sends: the way, the région of a région's départements, the places ticked. */
    record PlacesForm(
            @Nullable String choix,
            @Nullable String region,
            @Nullable List<String> places) {}

    private final ChosenPlaces chosen;
    private final Places places;

    PlacePages(ChosenPlaces chosen, Places places) {
        this.chosen = chosen;
        this.places = places;
    }

    @GetMapping(PATH)
    String show(
            @RequestParam(name = "choix", required = false) @Nullable String way,
            @RequestParam(name = "region", required = false) @Nullable String region,
            Model model,
            Locale locale) {
        var choice = chosen.of(CurrentPerson.id());
        var form = new PlacesForm(
                way, region, choice.places().stream().map(Place::code).toList());
        model.addAttribute("form", form);
        return page(choice, form, model, locale);
    }

    @PostMapping(PATH)
    String choose(
            @ModelAttribute("form") PlacesForm form,
            BindingResult result,
            Model model,
            Locale locale,
            RedirectAttributes redirect) {
        var person = CurrentPerson.id();
        if ("aucun".equals(form.choix())) {
            chosen.clear(person);
            redirect.addFlashAttribute("saved", "places.cleared");
            return "redirect:" + PATH;
        }
        var way = WayOfChoosing.of(form.choix());
        if (way.isEmpty()) {
            result.reject("places.unknown-way");
            return page(chosen.of(person), form, model, locale);
        }
        try {
            chosen.choose(person, way.get(), form.region(), form.places() == null ? List.of() : form.places());
        } catch (UnknownPlace | PlaceNotOffered refused) {
            reject(result, refused);
            return page(chosen.of(person), form, model, locale);
        }
        redirect.addFlashAttribute("saved", "places.saved");
        redirect.addAttribute("choix", way.get().slug);
        if (way.get() == WayOfChoosing.DEPARTEMENTS_OF_REGION) {
            redirect.addAttribute("region", form.region());
        }
        return "redirect:" + PATH;
    }

    private static void reject(BindingResult result, Refusal refused) {
        result.rejectValue("places", refused.messageKey(), refused.arguments(), refused.messageKey());
    }

    private String page(PlaceChoice choice, PlacesForm form, Model model, Locale locale) {
        var way = WayOfChoosing.of(form.choix());
        var region = Optional.ofNullable(form.region())
                .flatMap(Geography.FRANCE::find)
                .filter(r -> r.kind() == Place.Kind.REGION);
        model.addAttribute("summary", places.summary(choice.places(), locale));
        model.addAttribute("way", way.map(w -> w.slug).orElse(null));
        model.addAttribute(
                "ways", Arrays.stream(WayOfChoosing.values()).map(w -> w.slug).toList());
        model.addAttribute("regions", places.allRegions());
        model.addAttribute("region", region.orElse(null));
        model.addAttribute(
                "regionDepartements",
                region.map(Geography.FRANCE::departementsOf).orElse(List.of()));
        model.addAttribute(
                "countries",
                way.filter(w -> w == WayOfChoosing.COUNTRIES)
                        .map(w -> places.allCountries(locale))
                        .orElse(List.of()));
        // after a refusal, what he ticked, not what is kept: he corrects his choice, he does not redo it
        model.addAttribute("ticked", ticked(form.places()));
        model.addAttribute("section", "places");
        return "account/places";
    }

    /** The codes sent, and the départements of a région among them. */
    private static Set<String> ticked(@Nullable List<String> sent) {
        var ticked = new HashSet<String>(sent == null ? List.of() : sent);
        Geography.FRANCE.departements().stream()
                .filter(d -> d.region().filter(r -> ticked.contains(r.code())).isPresent())
                .forEach(d -> ticked.add(d.code()));
        return ticked;
    }
}

package fr.guichet.events;

import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The public page where anyone holding an attendance certificate checks it by its code: it says whether
 * the agency issued it and what it says (name, event, dates, hours), nothing else of the person.
 */
@Controller
class CertificateCheckPages {

    private final AttendanceCertificates certificates;

    CertificateCheckPages(AttendanceCertificates certificates) {
        this.certificates = certificates;
    }

    @GetMapping("/attestations/verification")
    String check(@RequestParam(name = "code", required = false) @Nullable String code, Model model) {
        model.addAttribute("code", code == null ? "" : code.strip());
        if (code != null && !code.isBlank()) {
            var found = certificates.byCode(code);
            model.addAttribute("checked", true);
            model.addAttribute("certificate", found.orElse(null));
            found.ifPresent(c -> {
                var attended = Duration.ofMinutes(c.minutesAttended());
                model.addAttribute("hours", attended.toHours());
                model.addAttribute("minutes", attended.toMinutesPart());
            });
        }
        return "events/check";
    }
}

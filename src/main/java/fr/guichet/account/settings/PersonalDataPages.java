package fr.guichet.account.settings;

import fr.guichet.account.CurrentPerson;
import fr.guichet.shared.ClientAddress;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ResponseBody;

@Controller
class PersonalDataPages {

    private final PersonalData personalData;

    PersonalDataPages(PersonalData personalData) {
        this.personalData = personalData;
    }

    @GetMapping(value = "/compte/donnees", produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseBody
    ResponseEntity<Map<String, Object>> download(HttpServletRequest request) {
        var data = personalData.export(CurrentPerson.id(), ClientAddress.of(request));
        return ResponseEntity.ok()
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename("guichet-mes-donnees.json")
                                .build()
                                .toString())
                .contentType(MediaType.APPLICATION_JSON)
                .body(data);
    }
}

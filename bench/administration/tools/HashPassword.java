import java.util.Map;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;

/**
 * Prints the stored form of a password exactly as the application makes it (account's
 * PasswordConfiguration: DelegatingPasswordEncoder, "argon2" = Argon2id, Spring Security 5.8
 * defaults), and checks it back. Run in source-file mode with the application's libraries:
 *   java -cp 'app/lib/*' HashPassword.java 'the password'
 */
public class HashPassword {
    public static void main(String[] args) {
        var argon2 = Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8();
        var encoder = new DelegatingPasswordEncoder("argon2", Map.of("argon2", argon2, "bcrypt", new BCryptPasswordEncoder()));
        var hash = encoder.encode(args[0]);
        if (!encoder.matches(args[0], hash) || encoder.upgradeEncoding(hash)) {
            throw new IllegalStateException("hash does not verify or would be upgraded");
        }
        System.out.println(hash);
    }
}

package fr.guichet.branding;

import static org.assertj.core.api.Assertions.assertThat;

import fr.guichet.fuzz.Fuzz;
import fr.guichet.fuzz.Mutations;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Whatever is uploaded as a banner or a logo, {@link ImageCheck} accepts an image the band can show
 * or refuses with a reason, within the time limit and without decoding a declared giant: an accepted
 * file is a one-frame JPEG or GIF by its bytes, of the slot's exact size, that reads back whole.
 */
class ImageCheckFuzzTest {

    static final int TRIES = Fuzz.tries(1_500);

    /** Real images of both slots' sizes, and of others; headers of giants; an animation; a PNG. */
    static final List<byte[]> SAMPLES = new ArrayList<>();

    @BeforeAll
    static void someRealImages() {
        for (var slot : ImageSlot.values()) {
            SAMPLES.add(TestImages.jpeg(slot.width(), slot.height()));
            SAMPLES.add(TestImages.gif(slot.width(), slot.height()));
            SAMPLES.add(TestImages.animatedGif(slot.width(), slot.height(), 2));
            SAMPLES.add(TestImages.png(slot.width(), slot.height()));
            SAMPLES.add(TestImages.gifHeaderOnly(slot.width(), slot.height()));
            SAMPLES.add(TestImages.jpegHeaderOnly(slot.width(), slot.height()));
        }
        SAMPLES.add(TestImages.gifHeaderOnly(60_000, 60_000));
        SAMPLES.add(TestImages.jpegHeaderOnly(60_000, 60_000));
        SAMPLES.add(TestImages.jpeg(10, 10));
        // every starting point is read as it should: else the mutations prove little
        assertThat(ImageCheck.check(SAMPLES.get(0), ImageSlot.BANNER)).isEqualTo(ImageFormat.JPEG);
    }

    @Test
    void anUploadIsAnImageTheBandCanShowOrARefusal() {
        Fuzz.checkBytes(
                "images",
                TRIES,
                random -> switch (random.nextInt(8)) {
                    case 0 -> Mutations.randomBytes(random.nextInt(2048), random);
                    case 1 -> Mutations.pick(SAMPLES, random);
                    default -> Mutations.bytes(Mutations.pick(SAMPLES, random), random);
                },
                bytes -> {
                    var slot = ImageSlot.values()[Math.floorMod(bytes.length, ImageSlot.values().length)];
                    try {
                        var format = ImageCheck.check(bytes, slot);
                        assertThat(format.accepted()).isTrue();
                        var image = ImageIO.read(new ByteArrayInputStream(bytes));
                        assertThat(image).isNotNull();
                        assertThat(image.getWidth()).isEqualTo(slot.width());
                        assertThat(image.getHeight()).isEqualTo(slot.height());
                        return "ACCEPTED " + format.label();
                    } catch (BrandingRefusal refusal) {
                        return refusal.messageKey();
                    }
                });
    }
}

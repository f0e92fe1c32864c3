package fr.guichet.branding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.Arrays;
import java.util.Random;
import org.assertj.core.api.ObjectAssert;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

/** Each way an image is refused, with files made here; and the two right ones accepted. */
class ImageCheckTest {

    @Test
    void aJpegBannerAndAGifLogoOfTheRightSizeAreAccepted() {
        assertThat(ImageCheck.check(TestImages.banner(), ImageSlot.BANNER)).isEqualTo(ImageFormat.JPEG);
        assertThat(ImageCheck.check(TestImages.logo(), ImageSlot.LOGO)).isEqualTo(ImageFormat.GIF89);
        assertThat(ImageCheck.check(TestImages.gif(464, 90), ImageSlot.BANNER).gif())
                .isTrue();
    }

    @Test
    void aWrongSizeIsRefusedWithTheActualSizeStated() {
        refused(() -> ImageCheck.check(TestImages.jpeg(500, 90), ImageSlot.BANNER), "branding.image.wrong-size")
                .satisfies(r -> assertThat(Arrays.asList(r.arguments()).subList(1, 5))
                        .containsExactly("500", "90", "464", "90"));
        refused(() -> ImageCheck.check(TestImages.banner(), ImageSlot.LOGO), "branding.image.wrong-size");
    }

    @Test
    void aPngIsRefusedWhateverItsNameForItsBytesAreAPng() {
        // no name reaches the check: only the bytes, which say PNG
        refused(() -> ImageCheck.check(TestImages.png(464, 90), ImageSlot.BANNER), "branding.image.wrong-type")
                .satisfies(r -> assertThat(r.arguments()[1]).isEqualTo("PNG"));
    }

    @Test
    void headersDeclaring60000By60000PixelsAreRefusedFromTheHeaderWithoutDecoding() {
        var gif = TestImages.gifHeaderOnly(60000, 60000);
        var jpeg = TestImages.jpegHeaderOnly(60000, 60000);
        assertThat(gif.length).isLessThan(100);
        assertThat(jpeg.length).isLessThan(100);
        var heapBefore = usedHeap();
        refused(() -> ImageCheck.check(gif, ImageSlot.BANNER), "branding.image.wrong-size")
                .satisfies(r ->
                        assertThat(Arrays.asList(r.arguments()).subList(1, 3)).containsExactly("60000", "60000"));
        refused(() -> ImageCheck.check(jpeg, ImageSlot.BANNER), "branding.image.wrong-size")
                .satisfies(r ->
                        assertThat(Arrays.asList(r.arguments()).subList(1, 3)).containsExactly("60000", "60000"));
        // decoding either would take 60000 × 60000 × 3 bytes, about 10 GB: nothing near that was allocated
        assertThat(usedHeap() - heapBefore).isLessThan(500L * 1024 * 1024);
    }

    @Test
    void anAnimatedGifIsRefusedOnItsFrameCount() {
        refused(() -> ImageCheck.check(TestImages.animatedGif(247, 90, 3), ImageSlot.LOGO), "branding.image.animated")
                .satisfies(r -> assertThat(r.arguments()[1]).isEqualTo("3"));
    }

    @Test
    void anEmptyFileGarbageAndATooLargeFileAreRefused() {
        refused(() -> ImageCheck.check(new byte[0], ImageSlot.BANNER), "branding.image.empty");
        var garbage = new byte[4096];
        new Random(42).nextBytes(garbage);
        garbage[0] = 'x';
        refused(() -> ImageCheck.check(garbage, ImageSlot.BANNER), "branding.image.not-an-image");
        var large = Arrays.copyOf(TestImages.banner(), ImageCheck.MAX_BYTES + 1);
        refused(() -> ImageCheck.check(large, ImageSlot.BANNER), "branding.image.too-large");
    }

    @Test
    void aTruncatedJpegIsRefusedAsUnreadable() {
        var whole = TestImages.banner();
        refused(
                () -> ImageCheck.check(Arrays.copyOf(whole, whole.length / 2), ImageSlot.BANNER),
                "branding.image.unreadable");
        var gif = TestImages.logo();
        refused(() -> ImageCheck.check(Arrays.copyOf(gif, 40), ImageSlot.LOGO), "branding.image.unreadable");
    }

    private static ObjectAssert<BrandingRefusal> refused(ThrowingCallable check, String key) {
        BrandingRefusal thrown = catchThrowableOfType(BrandingRefusal.class, check);
        assertThat(thrown).as("refused with %s", key).isNotNull();
        assertThat(thrown.messageKey()).isEqualTo(key);
        return new ObjectAssert<>(thrown);
    }

    private static long usedHeap() {
        var runtime = Runtime.getRuntime();
        return runtime.totalMemory() - runtime.freeMemory();
    }
}

package cn.qiying.channels.callback;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;

import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * WeChat's safe-mode message encryption: AES-256-CBC with the EncodingAESKey, IV = first 16 key bytes, plaintext
 * = 16 random bytes + 4-byte length + message + appId, PKCS#7 padded to 32 bytes. The appId inside is returned so
 * the caller can check it (WxJava's WxCryptUtil does not).
 */
final class MessageCipher {

    private static final int BLOCK = 32;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final byte[] key;

    MessageCipher(String encodingAesKey) {
        if (encodingAesKey == null) {
            throw new IllegalStateException("safe mode needs the account's aes-key");
        }
        this.key = Base64.getDecoder().decode(encodingAesKey + "=");
        if (key.length != 32) {
            throw new IllegalStateException("the EncodingAESKey must be 43 characters");
        }
    }

    record Decrypted(String message, String appId) {
    }

    Decrypted decrypt(String ciphertext) {
        byte[] plain;
        try {
            plain = aes(Cipher.DECRYPT_MODE, Base64.getDecoder().decode(ciphertext.trim()));
        } catch (IllegalArgumentException | GeneralSecurityException e) {
            throw new MalformedCallbackException("the encrypted message cannot be decrypted");
        }
        int pad = plain.length == 0 ? 0 : plain[plain.length - 1] & 0xff;
        if (pad < 1 || pad > BLOCK || plain.length - pad < 20) {
            throw new MalformedCallbackException("the encrypted message has a bad padding");
        }
        byte[] unpadded = Arrays.copyOf(plain, plain.length - pad);
        int length = ByteBuffer.wrap(unpadded, 16, 4).getInt();
        if (length < 0 || 20 + length > unpadded.length) {
            throw new MalformedCallbackException("the encrypted message has a bad length");
        }
        String message = new String(unpadded, 20, length, StandardCharsets.UTF_8);
        String appId = new String(unpadded, 20 + length, unpadded.length - 20 - length, StandardCharsets.UTF_8);
        return new Decrypted(message, appId);
    }

    String encrypt(String message, String appId) {
        byte[] random = new byte[16];
        RANDOM.nextBytes(random);
        byte[] msg = message.getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(random);
        out.writeBytes(ByteBuffer.allocate(4).putInt(msg.length).array());
        out.writeBytes(msg);
        out.writeBytes(appId.getBytes(StandardCharsets.UTF_8));
        int pad = BLOCK - out.size() % BLOCK;
        for (int i = 0; i < pad; i++) {
            out.write(pad);
        }
        try {
            return Base64.getEncoder().encodeToString(aes(Cipher.ENCRYPT_MODE, out.toByteArray()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private byte[] aes(int mode, byte[] data) throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance("AES/CBC/NoPadding");
        cipher.init(mode, new SecretKeySpec(key, "AES"), new IvParameterSpec(key, 0, 16));
        return cipher.doFinal(data);
    }
}

package dev.migrator.store.bucket;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import dev.migrator.support.Concurrently;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CommonPrefix;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.CopyObjectRequest;
import dev.migrator.aws.BodySwap;
import dev.migrator.aws.SignedRoutes;
import software.amazon.awssdk.services.s3.model.CopyObjectResponse;
import software.amazon.awssdk.services.s3.model.CreateMultipartUploadRequest;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.ListObjectVersionsResponse;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
import software.amazon.awssdk.services.s3.model.MetadataDirective;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Object;
import software.amazon.awssdk.services.s3.model.ServerSideEncryption;
import software.amazon.awssdk.services.s3.model.Tag;

/** {@link BucketGateway} over the AWS SDK's S3 client. */
public final class SdkBucketGateway implements BucketGateway {
    /** The settings preflight compares, in the order it names those a service did not answer. */
    private static final List<String> SETTINGS = List.of("encryption", "lifecycle", "CORS", "object lock");
    private final S3Client client;
    private final String service;
    private volatile boolean taggingUnsupported;
    /** Whether the client carries {@link BodySwap}, so a CopyObject's result is read without the SDK's XML parser. */
    private final boolean swapsBodies;
    /** Copies sent without the SDK's pipeline once it has shown the way ({@link SignedRoutes}), when the client learns routes. */
    private final Optional<DirectCopy> direct;
    /** HeadObject of current versions sent likewise. */
    private final Optional<DirectHead> directHead;

    public SdkBucketGateway(S3Client client, String service) {
        this.client = client;
        this.service = service;
        this.swapsBodies = BodySwap.isOn(client);
        Optional<SignedRoutes> routes = SignedRoutes.of(client);
        this.direct = routes.map(DirectCopy::new);
        this.directHead = routes.map(DirectHead::new);
    }

    @Override
    public String service() {
        return service;
    }

    @Override
    public BucketConfig configuration(String bucket) {
        // four round trips side by side; what went unanswered is named in this order whichever answered first
        List<String> unanswered = java.util.Collections.synchronizedList(new ArrayList<>());
        Supplier<Optional<String>> encryption = Concurrently.start("settings-" + bucket, () -> setting(unanswered, "encryption",
                "ServerSideEncryptionConfigurationNotFoundError", "none", () ->
                client.getBucketEncryption(r -> r.bucket(bucket)).serverSideEncryptionConfiguration().rules().stream()
                        .map(rule -> rule.applyServerSideEncryptionByDefault().sseAlgorithmAsString()
                                + (rule.applyServerSideEncryptionByDefault().kmsMasterKeyID() == null ? ""
                                : " " + rule.applyServerSideEncryptionByDefault().kmsMasterKeyID()))
                        .findFirst().orElse("none")));
        Supplier<Optional<Integer>> lifecycle = Concurrently.start("settings-" + bucket, () -> setting(unanswered, "lifecycle",
                "NoSuchLifecycleConfiguration", 0, () -> client.getBucketLifecycleConfiguration(r -> r.bucket(bucket)).rules().size()));
        Supplier<Optional<Integer>> cors = Concurrently.start("settings-" + bucket, () -> setting(unanswered, "CORS",
                "NoSuchCORSConfiguration", 0, () -> client.getBucketCors(r -> r.bucket(bucket)).corsRules().size()));
        Optional<String> lock = setting(unanswered, "object lock", "ObjectLockConfigurationNotFoundError", "none", () ->
                client.getObjectLockConfiguration(r -> r.bucket(bucket)).objectLockConfiguration().objectLockEnabledAsString());
        return new BucketConfig(encryption.get(), lifecycle.get(), cors.get(), lock,
                unanswered.stream().sorted(Comparator.comparingInt(SETTINGS::indexOf)).toList());
    }

    /** One setting: its value, {@code absent} where the bucket has none, empty (and named) where the service did not answer. */
    private static <T> Optional<T> setting(List<String> unanswered, String name, String absentCode, T absent,
                                           java.util.function.Supplier<T> read) {
        try {
            return Optional.ofNullable(read.get());
        } catch (AwsServiceException e) {
            if (e.awsErrorDetails() != null && absentCode.equals(e.awsErrorDetails().errorCode())) {
                return Optional.of(absent);
            }
            unanswered.add(name);
            return Optional.empty();
        } catch (RuntimeException e) {
            unanswered.add(name);
            return Optional.empty();
        }
    }

    @Override
    public Optional<BucketInfo> describe(String bucket) {
        // side by side with the bucket's own answer (one round trip instead of two); a missing bucket's is not looked at
        Supplier<String> versioning = Concurrently.start("versioning-" + bucket, () -> versioning(bucket));
        try {
            client.headBucket(r -> r.bucket(bucket));
        } catch (NoSuchBucketException e) {
            return Optional.empty();
        } catch (AwsServiceException e) {
            if (e.statusCode() == 404) {
                return Optional.empty();
            }
            throw e;
        }
        return Optional.of(new BucketInfo(bucket, versioning.get()));
    }

    private String versioning(String bucket) {
        try {
            String status = client.getBucketVersioning(r -> r.bucket(bucket)).statusAsString();
            return status == null ? "Disabled" : status;
        } catch (AwsServiceException e) {
            return "unknown (" + e.awsErrorDetails().errorCode() + ")";
        }
    }

    @Override
    public KeyListing firstKeys(String bucket, int limit) {
        ListObjectsV2Response page = client.listObjectsV2(r -> r.bucket(bucket).maxKeys(limit));
        return new KeyListing(page.contents().stream().map(S3Object::key).toList(), Boolean.TRUE.equals(page.isTruncated()));
    }

    @Override
    public ListingPage listCurrent(String bucket, String prefix, Optional<String> startAfter, Optional<String> token) {
        return page(client.listObjectsV2(r -> r.bucket(bucket).prefix(prefix.isEmpty() ? null : prefix)
                .startAfter(startAfter.orElse(null)).continuationToken(token.orElse(null))));
    }

    @Override
    public ListingPage listLevel(String bucket, String prefix) {
        return page(client.listObjectsV2(r -> r.bucket(bucket).prefix(prefix.isEmpty() ? null : prefix).delimiter("/")));
    }

    private static ListingPage page(ListObjectsV2Response page) {
        List<ListedObject> objects = page.contents().stream()
                .map(o -> ListedObject.current(o.key(), o.size() == null ? 0 : o.size(), unquote(o.eTag()))).toList();
        return new ListingPage(objects, page.commonPrefixes().stream().map(CommonPrefix::prefix).toList(),
                Boolean.TRUE.equals(page.isTruncated()) ? Optional.ofNullable(page.nextContinuationToken()) : Optional.empty());
    }

    @Override
    public VersionPage listVersions(String bucket, String prefix, Optional<VersionCursor> cursor) {
        ListObjectVersionsResponse page = client.listObjectVersions(r -> r.bucket(bucket).prefix(prefix.isEmpty() ? null : prefix)
                .keyMarker(cursor.map(VersionCursor::keyMarker).orElse(null))
                .versionIdMarker(cursor.map(VersionCursor::versionIdMarker).orElse(null)));
        record Entry(ListedObject object, boolean latest, Instant modified) {}
        List<Entry> entries = new ArrayList<>();
        page.versions().forEach(v -> entries.add(new Entry(new ListedObject(v.key(), Optional.ofNullable(v.versionId()),
                v.size() == null ? 0 : v.size(), unquote(v.eTag()), false), Boolean.TRUE.equals(v.isLatest()), v.lastModified())));
        page.deleteMarkers().forEach(d -> entries.add(new Entry(new ListedObject(d.key(), Optional.ofNullable(d.versionId()), 0, "", true),
                Boolean.TRUE.equals(d.isLatest()), d.lastModified())));
        // Versions and delete markers come in two lists; merged, each key's entries are newest first (S3's key order).
        entries.sort(Comparator.comparing((Entry e) -> e.object().key(), KeyOrder.UTF8)
                .thenComparing(Entry::latest, Comparator.reverseOrder())
                .thenComparing(Entry::modified, Comparator.nullsLast(Comparator.reverseOrder())));
        List<ListedObject> objects = entries.stream().map(Entry::object).toList();
        Optional<VersionCursor> next = Boolean.TRUE.equals(page.isTruncated())
                ? Optional.of(new VersionCursor(page.nextKeyMarker(), page.nextVersionIdMarker())) : Optional.empty();
        return new VersionPage(objects, next);
    }

    @Override
    public Optional<ObjectHead> head(String bucket, String key, Optional<String> versionId) {
        Optional<Optional<ObjectHead>> answered = directHead.flatMap(d -> d.head(bucket, key, versionId));
        if (answered.isPresent()) {
            return answered.get();
        }
        HeadObjectResponse h;
        try {
            h = client.headObject(r -> r.bucket(bucket).key(key).versionId(versionId.orElse(null)));
        } catch (NoSuchKeyException e) {
            return Optional.empty();
        } catch (AwsServiceException e) {
            if (e.statusCode() == 404) {
                return Optional.empty();
            }
            throw e;
        }
        ObjectAttributes attributes = new ObjectAttributes(Optional.ofNullable(h.contentType()), Optional.ofNullable(h.contentEncoding()),
                Optional.ofNullable(h.contentLanguage()), Optional.ofNullable(h.contentDisposition()),
                Optional.ofNullable(h.cacheControl()), Optional.ofNullable(h.expiresString()), h.metadata());
        return Optional.of(new ObjectHead(key, Optional.ofNullable(h.versionId()), h.contentLength() == null ? 0 : h.contentLength(),
                unquote(h.eTag()), Optional.ofNullable(h.checksumSHA256()), attributes));
    }

    @Override
    public Optional<Map<String, String>> tags(String bucket, String key, Optional<String> versionId) {
        if (taggingUnsupported) {
            return Optional.empty();
        }
        try {
            return Optional.of(client.getObjectTagging(r -> r.bucket(bucket).key(key).versionId(versionId.orElse(null)))
                    .tagSet().stream().collect(Collectors.toMap(Tag::key, Tag::value, (a, b) -> b, TreeMap::new)));
        } catch (AwsServiceException e) {
            if (e.statusCode() == 501) {
                taggingUnsupported = true;
                return Optional.empty();
            }
            throw e;
        }
    }

    @Override
    public CopyResult copy(ObjectCopy request) {
        Optional<CopyResult> done = direct.flatMap(d -> d.copy(request));
        if (done.isPresent()) {
            return done.get();
        }
        CopyObjectRequest.Builder b = CopyObjectRequest.builder()
                .sourceBucket(request.sourceBucket()).sourceKey(request.key()).sourceVersionId(request.sourceVersionId().orElse(null))
                .destinationBucket(request.targetBucket()).destinationKey(request.key())
                .storageClass(request.storageClass().orElse(null));
        request.kmsKeyId().ifPresent(k -> b.serverSideEncryption(ServerSideEncryption.AWS_KMS).ssekmsKeyId(k));
        request.replaceAttributes().ifPresent(a -> {
            b.metadataDirective(MetadataDirective.REPLACE).metadata(a.userMetadata());
            a.contentType().ifPresent(b::contentType);
            a.contentEncoding().ifPresent(b::contentEncoding);
            a.contentLanguage().ifPresent(b::contentLanguage);
            a.contentDisposition().ifPresent(b::contentDisposition);
            a.cacheControl().ifPresent(b::cacheControl);
            a.expiresAt().ifPresent(b::expires);
        });
        CopyResultBody result = new CopyResultBody();
        if (swapsBodies) {
            b.overrideConfiguration(o -> o.putExecutionAttribute(BodySwap.RESPONSE_BODY, result));
        }
        CopyObjectResponse response = client.copyObject(b.build());
        return new CopyResult(Optional.ofNullable(response.copySourceVersionId()), Optional.ofNullable(response.versionId()),
                unquote(result.etag() != null ? result.etag() : response.copyObjectResult().eTag()));
    }

    @Override
    public String startMultipart(MultipartStart request) {
        ObjectAttributes a = request.attributes();
        CreateMultipartUploadRequest.Builder b = CreateMultipartUploadRequest.builder().bucket(request.bucket()).key(request.key())
                .metadata(a.userMetadata()).storageClass(request.storageClass().orElse(null));
        a.contentType().ifPresent(b::contentType);
        a.contentEncoding().ifPresent(b::contentEncoding);
        a.contentLanguage().ifPresent(b::contentLanguage);
        a.contentDisposition().ifPresent(b::contentDisposition);
        a.cacheControl().ifPresent(b::cacheControl);
        a.expiresAt().ifPresent(b::expires);
        request.kmsKeyId().ifPresent(k -> b.serverSideEncryption(ServerSideEncryption.AWS_KMS).ssekmsKeyId(k));
        if (!request.tags().isEmpty()) {
            b.tagging(software.amazon.awssdk.services.s3.model.Tagging.builder()
                    .tagSet(request.tags().entrySet().stream().map(e -> Tag.builder().key(e.getKey()).value(e.getValue()).build()).toList())
                    .build());
        }
        return client.createMultipartUpload(b.build()).uploadId();
    }

    @Override
    public String copyPart(PartCopy request) {
        return unquote(client.uploadPartCopy(r -> r.sourceBucket(request.sourceBucket()).sourceKey(request.key())
                .sourceVersionId(request.sourceVersionId().orElse(null))
                .destinationBucket(request.bucket()).destinationKey(request.key())
                .uploadId(request.uploadId()).partNumber(request.partNumber())
                .copySourceRange("bytes=" + request.firstByte() + "-" + request.lastByte())).copyPartResult().eTag());
    }

    @Override
    public Optional<String> completeMultipart(String bucket, String key, String uploadId, List<String> partETags) {
        List<CompletedPart> parts = IntStream.range(0, partETags.size())
                .mapToObj(i -> CompletedPart.builder().partNumber(i + 1).eTag('"' + partETags.get(i) + '"').build()).toList();
        return Optional.ofNullable(client.completeMultipartUpload(r -> r.bucket(bucket).key(key).uploadId(uploadId)
                .multipartUpload(m -> m.parts(parts))).versionId());
    }

    @Override
    public void abortMultipart(String bucket, String key, String uploadId) {
        client.abortMultipartUpload(r -> r.bucket(bucket).key(key).uploadId(uploadId));
    }

    @Override
    public Optional<String> addDeleteMarker(String bucket, String key) {
        return Optional.ofNullable(client.deleteObject(r -> r.bucket(bucket).key(key)).versionId());
    }

    static String unquote(String etag) {
        if (etag == null) {
            return "";
        }
        return etag.length() >= 2 && etag.startsWith("\"") && etag.endsWith("\"") ? etag.substring(1, etag.length() - 1) : etag;
    }
}

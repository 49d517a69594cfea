-- CreateEnum
CREATE TYPE "KeyPurpose" AS ENUM ('config', 'consent');

-- CreateEnum
CREATE TYPE "NodeStatus" AS ENUM ('PENDING', 'ACTIVE', 'REVOKED');

-- CreateTable
CREATE TABLE "portal_key" (
    "kid" VARCHAR(64) NOT NULL,
    "purpose" "KeyPurpose" NOT NULL,
    "public_jwk" JSONB NOT NULL,
    "encrypted_private_key" BYTEA NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "signs_from" TIMESTAMPTZ(3) NOT NULL,
    "retired_at" TIMESTAMPTZ(3),
    "unpublish_after" TIMESTAMPTZ(3),

    CONSTRAINT "portal_key_pkey" PRIMARY KEY ("kid")
);

-- CreateTable
CREATE TABLE "node" (
    "id" VARCHAR(70) NOT NULL,
    "institution_code" VARCHAR(32) NOT NULL,
    "name" VARCHAR(32) NOT NULL,
    "environment" "Environment" NOT NULL,
    "base_url" TEXT NOT NULL,
    "status" "NodeStatus" NOT NULL DEFAULT 'PENDING',
    "token_hash" CHAR(64),
    "token_purpose" VARCHAR(16),
    "token_expires_at" TIMESTAMPTZ(3),
    "created_by_run" VARCHAR(12) NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "activated_at" TIMESTAMPTZ(3),
    "revoked_at" TIMESTAMPTZ(3),
    "revoked_reason" TEXT,

    CONSTRAINT "node_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "node_key" (
    "kid" VARCHAR(64) NOT NULL,
    "node_id" VARCHAR(70) NOT NULL,
    "use" VARCHAR(3) NOT NULL,
    "public_jwk" JSONB NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "retire_after" TIMESTAMPTZ(3),

    CONSTRAINT "node_key_pkey" PRIMARY KEY ("node_id","kid")
);

-- CreateTable
CREATE TABLE "network_config" (
    "id" BIGSERIAL NOT NULL,
    "environment" "Environment" NOT NULL,
    "version" INTEGER NOT NULL,
    "content_hash" VARCHAR(64) NOT NULL,
    "jws" TEXT NOT NULL,
    "issued_at" TIMESTAMPTZ(3) NOT NULL,
    "expires_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "network_config_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "portal_key_purpose_created_at_idx" ON "portal_key"("purpose", "created_at");

-- CreateIndex
CREATE INDEX "node_environment_status_idx" ON "node"("environment", "status");

-- CreateIndex
CREATE UNIQUE INDEX "node_institution_code_name_key" ON "node"("institution_code", "name");

-- CreateIndex
CREATE INDEX "network_config_environment_id_idx" ON "network_config"("environment", "id");

-- AddForeignKey
ALTER TABLE "node" ADD CONSTRAINT "node_institution_code_fkey" FOREIGN KEY ("institution_code") REFERENCES "institution"("code") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "node_key" ADD CONSTRAINT "node_key_node_id_fkey" FOREIGN KEY ("node_id") REFERENCES "node"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- ---------------------------------------------------------------------------
-- Hand-written.
ALTER TABLE "node" ADD CONSTRAINT "node_name_format" CHECK ("name" ~ '^[a-z0-9][a-z0-9-]{0,31}$');
ALTER TABLE "node" ADD CONSTRAINT "node_id_composed" CHECK ("id" = "institution_code" || '/' || "name");
ALTER TABLE "node_key" ADD CONSTRAINT "node_key_use" CHECK ("use" IN ('sig', 'enc'));
-- A kid (a key's thumbprint) belongs to one node only.
CREATE UNIQUE INDEX "node_key_kid_unique" ON "node_key" ("kid");
-- One issued document per (environment, version, expiry); versions never go back.
CREATE UNIQUE INDEX "network_config_env_version_expiry" ON "network_config" ("environment", "version", "expires_at");

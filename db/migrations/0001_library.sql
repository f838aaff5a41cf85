CREATE TYPE "public"."resource_kind" AS ENUM('lesson', 'school_course', 'autism_strategy', 'sign_language', 'braille', 'worksheet', 'teaching_aid', 'slides', 'audio', 'video');--> statement-breakpoint
CREATE TYPE "public"."resource_status" AS ENUM('draft', 'submitted', 'changes_requested', 'published', 'archived');--> statement-breakpoint
CREATE TYPE "public"."review_level" AS ENUM('school', 'district');--> statement-breakpoint
CREATE TABLE "resource_favourites" (
	"user_id" uuid NOT NULL,
	"resource_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "resource_favourites_user_id_resource_id_pk" PRIMARY KEY("user_id","resource_id")
);
--> statement-breakpoint
CREATE TABLE "resource_files" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"resource_id" uuid NOT NULL,
	"uploader_id" uuid,
	"storage_key" text NOT NULL,
	"file_name" text NOT NULL,
	"content_type" text NOT NULL,
	"size" bigint NOT NULL,
	"thumbnail_key" text,
	"thumbnail_state" text DEFAULT 'pending' NOT NULL,
	"removed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "resource_ratings" (
	"user_id" uuid NOT NULL,
	"resource_id" uuid NOT NULL,
	"stars" integer NOT NULL,
	"comment" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "resource_ratings_user_id_resource_id_pk" PRIMARY KEY("user_id","resource_id"),
	CONSTRAINT "resource_ratings_stars_check" CHECK ("resource_ratings"."stars" between 1 and 5)
);
--> statement-breakpoint
CREATE TABLE "resource_reviews" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"resource_id" uuid NOT NULL,
	"reviewer_id" uuid,
	"level" "review_level" NOT NULL,
	"decision" text NOT NULL,
	"scores" jsonb NOT NULL,
	"comments" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "resource_variants" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"resource_id" uuid NOT NULL,
	"key" text NOT NULL,
	"position" integer NOT NULL,
	"objectives" text DEFAULT '' NOT NULL,
	"activities" jsonb NOT NULL,
	"assessment" text DEFAULT '' NOT NULL
);
--> statement-breakpoint
CREATE TABLE "resource_versions" (
	"resource_id" uuid NOT NULL,
	"number" integer NOT NULL,
	"snapshot" jsonb NOT NULL,
	"published_by_id" uuid,
	"published_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "resource_versions_resource_id_number_pk" PRIMARY KEY("resource_id","number")
);
--> statement-breakpoint
CREATE TABLE "resources" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"district_id" uuid NOT NULL,
	"school_id" uuid,
	"author_id" uuid NOT NULL,
	"kind" "resource_kind" NOT NULL,
	"status" "resource_status" DEFAULT 'draft' NOT NULL,
	"review_level" "review_level",
	"title" text NOT NULL,
	"summary" text DEFAULT '' NOT NULL,
	"school_type" text NOT NULL,
	"subject" text NOT NULL,
	"stage" text NOT NULL,
	"grade" integer,
	"disability_categories" text[] DEFAULT '{}'::text[] NOT NULL,
	"licence" text NOT NULL,
	"attribution" text NOT NULL,
	"details" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"body" jsonb NOT NULL,
	"media_asset_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"published_version" integer,
	"content_key" text,
	"view_count" integer DEFAULT 0 NOT NULL,
	"download_count" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "resource_favourites" ADD CONSTRAINT "resource_favourites_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "resource_favourites" ADD CONSTRAINT "resource_favourites_resource_id_resources_id_fk" FOREIGN KEY ("resource_id") REFERENCES "public"."resources"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "resource_files" ADD CONSTRAINT "resource_files_resource_id_resources_id_fk" FOREIGN KEY ("resource_id") REFERENCES "public"."resources"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "resource_files" ADD CONSTRAINT "resource_files_uploader_id_users_id_fk" FOREIGN KEY ("uploader_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "resource_ratings" ADD CONSTRAINT "resource_ratings_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "resource_ratings" ADD CONSTRAINT "resource_ratings_resource_id_resources_id_fk" FOREIGN KEY ("resource_id") REFERENCES "public"."resources"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "resource_reviews" ADD CONSTRAINT "resource_reviews_resource_id_resources_id_fk" FOREIGN KEY ("resource_id") REFERENCES "public"."resources"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "resource_reviews" ADD CONSTRAINT "resource_reviews_reviewer_id_users_id_fk" FOREIGN KEY ("reviewer_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "resource_variants" ADD CONSTRAINT "resource_variants_resource_id_resources_id_fk" FOREIGN KEY ("resource_id") REFERENCES "public"."resources"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "resource_versions" ADD CONSTRAINT "resource_versions_resource_id_resources_id_fk" FOREIGN KEY ("resource_id") REFERENCES "public"."resources"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "resource_versions" ADD CONSTRAINT "resource_versions_published_by_id_users_id_fk" FOREIGN KEY ("published_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "resources" ADD CONSTRAINT "resources_district_id_districts_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."districts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "resources" ADD CONSTRAINT "resources_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "resources" ADD CONSTRAINT "resources_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "resource_favourites_resource_idx" ON "resource_favourites" USING btree ("resource_id");--> statement-breakpoint
CREATE INDEX "resource_files_resource_idx" ON "resource_files" USING btree ("resource_id");--> statement-breakpoint
CREATE INDEX "resource_ratings_resource_idx" ON "resource_ratings" USING btree ("resource_id");--> statement-breakpoint
CREATE INDEX "resource_reviews_resource_idx" ON "resource_reviews" USING btree ("resource_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "resource_variants_key_idx" ON "resource_variants" USING btree ("resource_id","key");--> statement-breakpoint
CREATE UNIQUE INDEX "resources_content_key_idx" ON "resources" USING btree ("content_key");--> statement-breakpoint
CREATE INDEX "resources_browse_idx" ON "resources" USING btree ("district_id","school_type","subject","stage");--> statement-breakpoint
CREATE INDEX "resources_author_idx" ON "resources" USING btree ("author_id");--> statement-breakpoint
CREATE INDEX "resources_status_idx" ON "resources" USING btree ("district_id","status");
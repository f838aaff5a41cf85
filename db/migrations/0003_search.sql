CREATE TABLE "search_documents" (
	"id" text PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"school_type" text,
	"stage" text,
	"subject" text,
	"disabilities" text[] NOT NULL,
	"tiers" text[] NOT NULL,
	"features" text[] NOT NULL,
	"district_id" uuid NOT NULL,
	"published" boolean NOT NULL,
	"owner_id" uuid,
	"group_ids" uuid[] NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"words" "tsvector" NOT NULL,
	"title_words" "tsvector" NOT NULL
);
--> statement-breakpoint
CREATE TABLE "search_outbox" (
	"document_id" text PRIMARY KEY NOT NULL,
	"changed_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "search_terms" (
	"term" text PRIMARY KEY NOT NULL,
	"length" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "search_texts" (
	"id" text PRIMARY KEY NOT NULL,
	"title" text NOT NULL,
	"summary" text NOT NULL,
	"body" text NOT NULL,
	"keywords" text[] NOT NULL,
	"url" text NOT NULL
);
--> statement-breakpoint
ALTER TABLE "search_texts" ADD CONSTRAINT "search_texts_id_search_documents_id_fk" FOREIGN KEY ("id") REFERENCES "public"."search_documents"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "search_documents_words_idx" ON "search_documents" USING gin ("words");--> statement-breakpoint
CREATE INDEX "search_documents_district_idx" ON "search_documents" USING btree ("district_id");--> statement-breakpoint
CREATE INDEX "search_documents_owner_idx" ON "search_documents" USING btree ("owner_id") WHERE not "search_documents"."published";--> statement-breakpoint
CREATE INDEX "search_documents_groups_idx" ON "search_documents" USING gin ("group_ids");--> statement-breakpoint
CREATE INDEX "search_terms_length_idx" ON "search_terms" USING btree ("length");--> statement-breakpoint
-- Resources that existed before search: index them on the next sync.
INSERT INTO "search_outbox" ("document_id") SELECT 'resource:' || "id" FROM "resources";

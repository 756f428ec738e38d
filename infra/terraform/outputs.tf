output "cluster_name" {
  description = "The GKE cluster (gcloud container clusters get-credentials <name> --region <region>)."
  value       = google_container_cluster.crm.name
}

output "registry" {
  description = "Where to push the image: <registry>/crm:<tag>."
  value       = "${var.region}-docker.pkg.dev/${var.project_id}/${google_artifact_registry_repository.images.repository_id}"
}

output "ingress_ip" {
  description = "The static IP: point the domain's A record at it."
  value       = google_compute_global_address.ingress.address
}

output "backend_service_account" {
  description = "The Google service account of the backend (the prod overlay's annotation)."
  value       = google_service_account.backend.email
}

variable "project_id" {
  description = "The GCP project to run the CRM in."
  type        = string
}

variable "region" {
  description = "Region of the cluster, the registry and the network."
  type        = string
  default     = "europe-west1"
}

variable "name" {
  description = "Prefix of every resource's name."
  type        = string
  default     = "crm"
}

variable "domain" {
  description = "The host name the CRM is served at (its DNS A record points at the static IP output)."
  type        = string
}

variable "subnet_cidr" {
  description = "Primary range of the cluster's subnet (nodes)."
  type        = string
  default     = "10.10.0.0/20"
}

variable "pods_cidr" {
  description = "Secondary range for pods."
  type        = string
  default     = "10.20.0.0/16"
}

variable "services_cidr" {
  description = "Secondary range for services."
  type        = string
  default     = "10.30.0.0/20"
}

variable "master_cidr" {
  description = "The /28 range of the private control plane."
  type        = string
  default     = "172.16.0.0/28"
}

variable "machine_type" {
  description = "Machine type of the nodes."
  type        = string
  default     = "e2-standard-4"
}

variable "min_nodes" {
  description = "Fewest nodes per zone."
  type        = number
  default     = 1
}

variable "max_nodes" {
  description = "Most nodes per zone."
  type        = number
  default     = 3
}

variable "namespace" {
  description = "Kubernetes namespace of the CRM (the prod overlay's)."
  type        = string
  default     = "crm"
}

variable "authorized_networks" {
  description = "CIDR ranges allowed to reach the cluster's control plane."
  type        = list(string)
  default     = []
}

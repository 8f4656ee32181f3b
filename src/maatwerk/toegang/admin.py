# The audit log and the grounds register are read through the API (beheerder) and the services, not the
# admin, so that every view is itself checked and logged. See maatwerk/zaken/admin.py.

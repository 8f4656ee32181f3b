# Personal data is deliberately not registered in the admin: see maatwerk/zaken/admin.py.

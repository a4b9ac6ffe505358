-- wrk script for `nn serve`: POST the JSON body in $NN_BODY to every request, count non-2xx answers.
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
local f = assert(io.open(os.getenv("NN_BODY"), "r"))
wrk.body = f:read("*a")
f:close()
